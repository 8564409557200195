using Superset.Planning.Network;

namespace Superset.Planning.Workloads.Redis;

/// <summary>
/// An in-cluster Redis of one role (dataServices inCluster), with its redis_exporter sidecar: the
/// broker (noeviction, persistent) and the cache (allkeys-lru). One instance per role: maxmemory-policy
/// is per instance.
/// </summary>
public sealed class RedisWorkload : WorkloadSpec
{
    /// <summary>The Redis port (Redis' default).</summary>
    public const int Port = 6379;

    /// <summary>redis_exporter's port (oliver006/redis_exporter's default :9121), a sidecar here and a Deployment per ElastiCache group.</summary>
    public const int ExporterPort = 9121;

    /// <summary>The Redis container's CPU request (its memory is the plan's redis.&lt;role&gt;.memoryMi).</summary>
    public const int CpuMillis = 250;

    /// <summary>The broker's database: the only one on the broker Redis.</summary>
    public const int BrokerDb = 0;

    /// <summary>
    /// Databases of the cache Redis. The broker Redis holds only the broker: Celery results and
    /// async-query event streams would otherwise grow in an instance that must never evict
    /// (docs/sources/async-queries.md, "Result Backend Filling Up (Disk or Memory)"). One instance has one eviction
    /// policy, so the split is by instance; the database numbers only keep key spaces apart.
    /// </summary>
    public const int CacheDb = 0;

    /// <summary>Celery task results (expire per the tier's profile; evictable).</summary>
    public const int CeleryResultsDb = 1;

    /// <summary>Global async queries' event streams.</summary>
    public const int AsyncQueriesDb = 2;

    private RedisWorkload(string role)
    {
        Role = role;
        Identity = new($"redis-{role}", $"superset-redis-{role}",
            [new("redis", Port, Port), new(WorkloadPort.MetricsName, ExporterPort, ExporterPort, Metrics: true)], $"Redis {role}");
    }

    /// <summary>The broker.</summary>
    public static RedisWorkload Broker { get; } = new("broker");

    /// <summary>The cache.</summary>
    public static RedisWorkload Cache { get; } = new("cache");

    /// <summary><c>broker</c> or <c>cache</c>.</summary>
    public string Role { get; }

    /// <inheritdoc/>
    public override Workload Identity { get; }

    /// <inheritdoc/>
    public override string ResourceName => $"redis-{Role}";

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => plan is { InCluster: true };

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var redis = Role == "broker" ? plan.Broker : plan.Cache;
        // The server and its redis_exporter sidecar (always declared).
        var exporter = plan.Pods.Services.RedisExporter;
        yield return new PodGroup($"redis-{Role}", CpuMillis + exporter.CpuMillis, (redis.MemoryMi ?? 0) + exporter.MemoryMi, 1, 1,
            redis.Persistent ? plan.Pods.Storage.Broker.SizeGi : 0);
    }

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var plan = connections.Plan;
        foreach (var process in SupersetProcesses.All)
        {
            connections.Admit(ConnectionBuilder.Pods(process), "redis", Role == "broker"
                ? "Celery's broker: web and beat send tasks, workers take them"
                : "caches, Celery results and async-query events");
        }

        DataService.RefuseOutsiders(connections, "redis");
        if (plan.Monitoring.Enabled)
        {
            connections.Admit(connections.Prometheus, WorkloadPort.MetricsName, $"redis_exporter sidecar: {Role} memory and evictions");
        }

        if (plan.Keda && Role == "broker")
        {
            // KEDA's Redis scaler runs in its operator, which reads each queue's lists from the broker
            // (kedacore/keda pkg/scalers/redis_scaler.go@v2.20.2). On AWS the ElastiCache security group admits it instead.
            connections.Admit(connections.KedaOperator, "redis", "KEDA's Redis scaler reads each queue's lists for the pools' ScaledObjects");
            connections.Refuse(connections.OtherKedaPod, "redis", "only KEDA's operator runs scalers");
        }
        else if (plan.Keda)
        {
            connections.Refuse(connections.KedaOperator, "redis", "KEDA reads queues, which live on the broker");
        }
    }
}
