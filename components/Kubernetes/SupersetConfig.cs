using Pulumi;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Artifacts;

namespace Superset.Components.Kubernetes;

/// <summary>
/// <c>superset_config.py</c>, generated from the plan (<see cref="SupersetConfigPy"/>) and mounted
/// from a Secret. The file holds no credential (they arrive as environment variables), but it
/// names every host and is kept from anyone who may read ConfigMaps.
/// </summary>
public sealed class SupersetConfig : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:SupersetConfig";

    /// <summary>Creates the Secret.</summary>
    public SupersetConfig(string name, SupersetConfigArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var text = SupersetConfigPy.Generate(args.Plan);
        Checksum = Artifacts.Checksum.Of(text);

        var secret = new Secret($"{name}-secret", new SecretArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = "superset-config",
                Namespace = args.Namespace,
                Labels = Labels.For(args.Instance, "config"),
            },
            Type = "Opaque",
            StringData = new InputMap<string> { { SupersetEnv.ConfigFile, text } },
        }, new CustomResourceOptions { Parent = this });

        SecretName = secret.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?> { ["secretName"] = SecretName, ["checksum"] = Checksum });
    }

    /// <summary>The Secret's name.</summary>
    [Output]
    public Output<string> SecretName { get; private set; }

    /// <summary>SHA-256 of the file, for the pods' checksum annotation.</summary>
    public string Checksum { get; }
}
