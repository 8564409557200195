using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Artifacts.Keda;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The TriggerAuthentication (keda.sh/v1alpha1) the pools' Redis triggers use: the broker password
/// read by KEDA's operator from the credentials Secret (never written into a ScaledObject).
/// </summary>
public sealed class KedaAuthentication : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:KedaAuthentication";

    /// <summary>The TriggerAuthentication's name.</summary>
    public const string ObjectName = "superset-broker";

    /// <summary>Creates the TriggerAuthentication.</summary>
    public KedaAuthentication(string name, KedaAuthenticationArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var auth = new KubernetesCustomResource($"{name}-broker", new KedaResourceArgs("TriggerAuthentication")
        {
            Metadata = new ObjectMetaArgs { Name = ObjectName, Namespace = args.Namespace, Labels = Labels.For(args.Instance, "autoscaling") },
            Spec = new InputMap<object>
            {
                { "secretTargetRef", args.CredentialsSecret.ToOutput().Apply(secret => (object)KedaScaledObject.AuthenticationSpec(secret, args.PasswordKey)["secretTargetRef"]) },
            },
        }, new CustomResourceOptions { Parent = this });
        Name = auth.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?> { ["name"] = Name });
    }

    /// <summary>The TriggerAuthentication's name.</summary>
    [Output]
    public Output<string> Name { get; private set; }
}
