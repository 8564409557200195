using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Superset.Artifacts;
using Superset.Catalog;
using Superset.Planning.Topology;

namespace Superset.Components.Kubernetes;

/// <summary>
/// danihodovic/celery-exporter reading the broker: queue lengths for the autoscaler and the alerts,
/// task events for failure rates and runtimes. One replica (it holds counters in memory; a second
/// would double them), a Service for Prometheus.
/// </summary>
public sealed class CeleryExporter : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:CeleryExporter";

    /// <summary>Component label.</summary>
    public static readonly string Component = Workloads.CeleryExporter.Component;

    /// <summary>celery-exporter's port (the topology's, src/cli.py@v0.12.2's default).</summary>
    public static readonly int Port = Workloads.CeleryExporter.Port(Workloads.MetricsPortName).Number;

    /// <summary>Creates the Deployment and Service.</summary>
    public CeleryExporter(string name, CeleryExporterArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ServiceName = ServiceDeployment.Declare(this, name, args.Namespace, args.Instance, new ServiceDeploymentSpec(Workloads.CeleryExporter, new ContainerArgs
        {
            Name = "exporter",
            Image = Images.CeleryExporter,
            Args = { CeleryExporterCommand.Args(args.Queues).ToArray() },
            Env =
            {
                PodDefaults.EnvFromSecret("BROKER_PASSWORD", args.Data.CredentialsSecret, CredentialKeys.BrokerPassword),
                // $(VAR) is expanded by the kubelet: the password never appears in the manifest.
                new EnvVarArgs { Name = "CE_BROKER_URL", Value = args.Data.Broker.Url("BROKER_PASSWORD", db: 0) },
            },
            Resources = PodDefaults.Resources(WorkloadPods.CeleryExporter.CpuMillis, WorkloadPods.CeleryExporter.MemoryMi),
            VolumeMounts = { new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" } },
        })
        {
            // One replica, never two during a rollout: it holds counters in memory.
            Recreate = true,
            CredentialsChecksum = args.Data.CredentialsChecksum,
            Volumes = { PodDefaults.EmptyDir("tmp") },
        });
        RegisterOutputs(new Dictionary<string, object?> { ["serviceName"] = ServiceName });
    }

    /// <summary>The metrics Service.</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }
}
