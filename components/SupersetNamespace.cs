using Pulumi;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace Superset.Components;

/// <summary>
/// The namespace everything else lives in, labelled for the Pod Security Standards' <c>restricted</c>
/// profile (enforced, so a pod that breaks it is rejected at admission, not discovered later).
/// </summary>
public sealed class SupersetNamespace : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:SupersetNamespace";

    /// <summary>The type token before it matched the class name (an alias keeps existing stacks' resources).</summary>
    public const string FormerTypeToken = "superset:k8s:Namespace";

    /// <summary>Creates the namespace.</summary>
    public SupersetNamespace(string name, SupersetNamespaceArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, FormerTypes.Alias(options, FormerTypeToken))
    {
        ArgumentNullException.ThrowIfNull(args);
        var labels = Labels.For(args.Instance, "namespace");
        // Pod Security Admission labels (Kubernetes docs, "Enforce Pod Security Standards with Namespace Labels").
        labels["pod-security.kubernetes.io/enforce"] = "restricted";
        labels["pod-security.kubernetes.io/warn"] = "restricted";

        var ns = new Namespace($"{name}-namespace", new NamespaceArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = args.Name,
                Labels = labels,
                Annotations = new Dictionary<string, string> { ["superset.apache.org/tier"] = args.Tier },
            },
        }, new CustomResourceOptions { Parent = this });

        Name = ns.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?> { ["name"] = Name });
    }

    /// <summary>The namespace's name as created.</summary>
    [Output]
    public Output<string> Name { get; private set; }
}
