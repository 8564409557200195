using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning.Network;
using Superset.Planning.Workloads.Postgres;
using Superset.Planning.Workloads.Redis;
using Superset.Planning.Workloads.Web;

namespace Superset.Planning.Workloads.CeleryExporter;

/// <summary>
/// danihodovic/celery-exporter reading the broker (monitoring on): queue lengths for the alerts and
/// the hpa engine, task events for failure rates and runtimes. One replica, recreated rather than
/// rolled: it holds counters in memory, and a second would double them.
/// </summary>
public sealed class CeleryExporterWorkload : WorkloadSpec
{
    /// <summary>Its pod (the stack's; see Configuration.Reading.PodReaders for the defaults).</summary>
    public static PodResources Resources(StackPlan plan) => (plan ?? throw new ArgumentNullException(nameof(plan))).Pods.Services.CeleryExporter;

    /// <summary>The one instance.</summary>
    public static CeleryExporterWorkload Spec { get; } = new();

    private CeleryExporterWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new("celery-exporter", "superset-celery-exporter",
        [new(WorkloadPort.MetricsName, CeleryExporterCommand.Port, CeleryExporterCommand.Port, Metrics: true)], "celery-exporter");

    /// <inheritdoc/>
    public override string ComponentType => "CeleryExporter";

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => plan is { Monitoring.Enabled: true };

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan) => [new PodGroup(Identity.Component, Resources(plan).CpuMillis, Resources(plan).MemoryMi, 1, 1)];

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        connections.Admit(connections.Prometheus, WorkloadPort.MetricsName, "queue lengths and task events for the alerts and queue-depth autoscaling");
        connections.Refuse(ConnectionBuilder.Foreign, WorkloadPort.MetricsName, "metrics are for Prometheus");
        connections.Reach(RedisWorkload.Broker.Identity, "redis", "celery-exporter reads queue lengths and task events from the broker");
        connections.Avoid(PostgresWorkload.Spec.Identity, "postgresql", "an exporter reaches only what it watches");
        connections.Avoid(RedisWorkload.Cache.Identity, "redis", "an exporter reaches only what it watches");
        connections.Avoid(WebWorkload.Spec.Identity, "http", "an exporter reaches only what it watches");
    }

    /// <inheritdoc/>
    public override ServiceContainer Container(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new()
        {
            Name = "exporter",
            Image = Images.CeleryExporter,
            Args = CeleryExporterCommand.Args(plan.Queues.Select(q => q.Name)),
            Env =
            [
                new("BROKER_PASSWORD", new EnvValue.Credential(CredentialKeys.BrokerPassword)),
                // $(VAR) is expanded by the kubelet: the password never appears in the manifest.
                new("CE_BROKER_URL", new EnvValue.RedisUrl("broker", "BROKER_PASSWORD", RedisWorkload.BrokerDb)),
            ],
            Resources = Resources(plan),
            Recreate = true,
            WritablePaths = ["/tmp"],
        };
    }
}
