using System.Globalization;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Superset.Catalog;
using Superset.Planning.Topology;

namespace Superset.Components.Kubernetes;

/// <summary>
/// Flower, Celery's web monitor, reading the broker. Always behind basic auth (user <c>admin</c>, a
/// password from Pulumi.Random): a ClusterIP Service for <c>kubectl port-forward</c>, and the
/// Ingress path <c>/flower</c> only when asked. Flower can revoke tasks and shut workers down, so it
/// is never reachable without that password.
/// </summary>
public sealed class Flower : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:Flower";

    /// <summary>Component label.</summary>
    public static readonly string Component = Workloads.Flower.Component;

    /// <summary>Flower's default port.</summary>
    public static readonly int Port = Workloads.Flower.Port("http").Number;

    /// <summary>The path Flower is served under, behind the Ingress.</summary>
    public const string UrlPrefix = "flower";

    /// <summary>Creates the Deployment and Service.</summary>
    public Flower(string name, FlowerArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var secret = args.Data.CredentialsSecret;
        ServiceName = ServiceDeployment.Declare(this, name, args.Namespace, args.Instance, new ServiceDeploymentSpec(Workloads.Flower, new ContainerArgs
        {
            Name = "flower",
            Image = Images.Flower,
            // Flower reads FLOWER_<OPTION> variables; Celery reads CELERY_BROKER_URL.
            // $(VAR) is expanded by the kubelet: no password in the manifest.
            Env =
            {
                PodDefaults.EnvFromSecret("BROKER_PASSWORD", secret, CredentialKeys.BrokerPassword),
                PodDefaults.EnvFromSecret("FLOWER_PASSWORD", secret, CredentialKeys.FlowerPassword),
                PodDefaults.Env("CELERY_BROKER_URL", args.Data.Broker.Url("BROKER_PASSWORD", db: 0)),
                PodDefaults.Env("FLOWER_BASIC_AUTH", "admin:$(FLOWER_PASSWORD)"),
                PodDefaults.Env("FLOWER_PORT", Port.ToString(CultureInfo.InvariantCulture)),
                PodDefaults.Env("FLOWER_URL_PREFIX", UrlPrefix),
                PodDefaults.Env("FLOWER_PURGE_OFFLINE_WORKERS", "600"),
            },
            Resources = PodDefaults.Resources(WorkloadPods.Flower.CpuMillis, WorkloadPods.Flower.MemoryMi),
            VolumeMounts = { new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" } },
        })
        {
            CredentialsChecksum = args.Data.CredentialsChecksum,
            Volumes = { PodDefaults.EmptyDir("tmp") },
        });
        RegisterOutputs(new Dictionary<string, object?> { ["serviceName"] = ServiceName });
    }

    /// <summary>The Service (port-forward target, or the Ingress's <c>/flower</c> backend).</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }
}
