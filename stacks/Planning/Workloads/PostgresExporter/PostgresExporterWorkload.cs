using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning.Network;
using Superset.Planning.Workloads.Postgres;
using Superset.Planning.Workloads.Redis;
using Superset.Planning.Workloads.Web;

namespace Superset.Planning.Workloads.PostgresExporter;

/// <summary>prometheus-community/postgres_exporter (monitoring on): connections against max_connections.</summary>
public sealed class PostgresExporterWorkload : WorkloadSpec
{
    /// <summary>postgres_exporter's default port.</summary>
    public const int Port = 9187;

    /// <summary>Its pod (the stack's; see Configuration.Reading.PodReaders for the defaults).</summary>
    public static PodResources Resources(StackPlan plan) => (plan ?? throw new ArgumentNullException(nameof(plan))).Pods.Services.PostgresExporter;

    /// <summary>The one instance.</summary>
    public static PostgresExporterWorkload Spec { get; } = new();

    private PostgresExporterWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new("postgres-exporter", "superset-postgres-exporter",
        [new(WorkloadPort.MetricsName, Port, Port, Metrics: true)], "postgres_exporter");

    /// <inheritdoc/>
    public override string ComponentType => "PostgresExporter";

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => plan is { Monitoring.Enabled: true };

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan) => [new PodGroup(Identity.Component, Resources(plan).CpuMillis, Resources(plan).MemoryMi, 1, 1)];

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        connections.Admit(connections.Prometheus, WorkloadPort.MetricsName, "database connections against max_connections");
        connections.Refuse(ConnectionBuilder.Pods(WebWorkload.Spec.Identity.Component), WorkloadPort.MetricsName, "metrics are for Prometheus");
        connections.Reach(PostgresWorkload.Spec.Identity, "postgresql", "postgres_exporter reads pg_stat_activity");
        connections.Avoid(RedisWorkload.Broker.Identity, "redis", "an exporter reaches only what it watches");
        connections.Avoid(RedisWorkload.Cache.Identity, "redis", "an exporter reaches only what it watches");
    }

    /// <summary>
    /// Its image (busybox-based) has no RDS CA bundle to verify against, so <c>verify-full</c>
    /// becomes <c>require</c>: the connection stays encrypted, and it carries only the monitoring login.
    /// </summary>
    public override ServiceContainer Container(StackPlan plan) => new()
    {
        Name = "exporter",
        Image = Images.PostgresExporter,
        Env =
        [
            new("DATA_SOURCE_URI", new EnvValue.DatabaseUri(RequireInsteadOfVerify: true)),
            new("DATA_SOURCE_USER", new EnvValue.DatabaseUser()),
            new("DATA_SOURCE_PASS", new EnvValue.Credential(CredentialKeys.DatabasePassword)),
        ],
        Resources = Resources(plan),
    };
}
