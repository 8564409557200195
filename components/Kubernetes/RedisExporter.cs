using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Superset.Catalog;
using Superset.Planning.Topology;

namespace Superset.Components.Kubernetes;

/// <summary>
/// redis_exporter for a managed Redis (ElastiCache), where no sidecar can run: the same Service
/// name, labels and port as the in-cluster sidecar, so the alert rules and dashboards read the
/// broker and the cache the same way in every stack.
/// </summary>
public sealed class RedisExporter : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:RedisExporter";

    /// <summary>Creates the Deployment and Service.</summary>
    public RedisExporter(string name, RedisExporterArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ServiceName = ServiceDeployment.Declare(this, name, args.Namespace, args.Instance, new ServiceDeploymentSpec(Workloads.RedisExporter(args.Role), new ContainerArgs
        {
            Name = "metrics",
            Image = Images.RedisExporter,
            Env =
            {
                PodDefaults.Env("REDIS_ADDR", args.Redis.Url()),
                PodDefaults.EnvFromSecret("REDIS_PASSWORD", args.CredentialsSecret, args.PasswordKey),
            },
            Resources = PodDefaults.Resources(WorkloadPods.RedisExporterCpuMillis, WorkloadPods.RedisExporterMemoryMi),
        })
        {
            CredentialsChecksum = args.CredentialsChecksum,
        });
        RegisterOutputs(new Dictionary<string, object?> { ["serviceName"] = ServiceName });
    }

    /// <summary>The metrics Service (named like the in-cluster Redis Service).</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }
}
