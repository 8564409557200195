using Superset.Catalog;
using Superset.Planning.Network;
using Superset.Planning.Workloads.Redis;

namespace Superset.Planning.Workloads.RedisExporter;

/// <summary>
/// ElastiCache and a team's own Redis run no sidecar: a redis_exporter Deployment per role (dataServices
/// aws or external, monitoring on), under the in-cluster Redis's names, so the alerts read one set of names.
/// </summary>
public sealed class RedisExporterWorkload : WorkloadSpec
{
    private RedisExporterWorkload(string role)
    {
        Role = role;
        Identity = new($"redis-{role}", $"superset-redis-{role}",
            [new(WorkloadPort.MetricsName, RedisWorkload.ExporterPort, RedisWorkload.ExporterPort, Metrics: true)], $"redis_exporter of the {role} (ElastiCache or the team's own)");
    }

    /// <summary>The broker group's exporter.</summary>
    public static RedisExporterWorkload Broker { get; } = new("broker");

    /// <summary>The cache group's exporter.</summary>
    public static RedisExporterWorkload Cache { get; } = new("cache");

    /// <summary><c>broker</c> or <c>cache</c>.</summary>
    public string Role { get; }

    /// <inheritdoc/>
    public override Workload Identity { get; }

    /// <inheritdoc/>
    public override string ResourceName => $"redis-{Role}-exporter";

    /// <inheritdoc/>
    public override string ComponentType => "RedisExporter";

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => plan is { InCluster: false, Monitoring.Enabled: true };

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan) =>
        [new PodGroup(ResourceName, plan.Pods.Services.RedisExporter.CpuMillis, plan.Pods.Services.RedisExporter.MemoryMi, 1, 1)];

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        connections.Admit(connections.Prometheus, WorkloadPort.MetricsName, $"redis_exporter: ElastiCache {Role} memory and evictions");
        connections.Refuse(ConnectionBuilder.Foreign, WorkloadPort.MetricsName, "metrics are for Prometheus");
    }

    /// <inheritdoc/>
    public override ServiceContainer Container(StackPlan plan) => new()
    {
        Name = "metrics",
        Image = Images.RedisExporter,
        Env =
        [
            new("REDIS_ADDR", new EnvValue.RedisUrl(Role, PasswordVariable: null, Database: null)),
            new("REDIS_PASSWORD", new EnvValue.Credential(CredentialKeys.RedisPassword(Role))),
        ],
        Resources = plan.Pods.Services.RedisExporter,
    };
}
