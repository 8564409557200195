using System.Text.Json.Serialization;
using Superset.Configuration;
using Superset.Catalog;
using Superset.Planning.Sizing;

namespace Superset.Planning;

/// <summary>
/// Everything the program deploys, derived by <see cref="Planner"/> from one stack's settings and
/// already checked: every size, and what the components and generated files need besides, typed.
/// The components read only this (never the settings); <c>plan</c> prints the sizes and the Pulumi
/// program exports them, so a preview shows the same numbers the deployment uses.
/// </summary>
/// <param name="Tier">The sizing tier.</param>
/// <param name="Namespace">The stack's namespace.</param>
/// <param name="DataServices"><c>inCluster</c> or <c>aws</c>.</param>
/// <param name="Sizing">The worker formula's inputs.</param>
/// <param name="Web">The web tier.</param>
/// <param name="Queues">One pool per queue.</param>
/// <param name="Beat">Celery beat.</param>
/// <param name="Celery">Celery settings shared by the pools.</param>
/// <param name="Database">The metadata database and its connection budget.</param>
/// <param name="Broker">The broker Redis.</param>
/// <param name="Cache">The cache Redis.</param>
/// <param name="Image">The Superset image.</param>
/// <param name="Release">What the image's Superset release has (modules, tasks).</param>
/// <param name="Autoscaling">The pools' autoscaling engine.</param>
/// <param name="Ingress">The Ingress, with its proxy timeouts.</param>
/// <param name="AsyncQueries">Global async queries.</param>
/// <param name="Reports">Alerts and reports.</param>
/// <param name="Caches">Cache timeouts.</param>
/// <param name="Monitoring">Prometheus' namespace and release label, exporters on or off.</param>
/// <param name="Aws">Where the AWS data tier goes; null with in-cluster data services.</param>
/// <param name="Cost">Region, node type and discount the cost model prices with.</param>
/// <param name="Flower">Flower, Celery's monitor: deployed or not, and behind the Ingress or not.</param>
/// <param name="Cluster">The kind of cluster (local, EKS, self-managed): the add-ons' values depend on it.</param>
public sealed record StackPlan(
    string Tier,
    string Namespace,
    string DataServices,
    SizingInputs Sizing,
    WebPlan Web,
    IReadOnlyList<PoolPlan> Queues,
    BeatPlan Beat,
    CeleryPlan Celery,
    DatabasePlan Database,
    RedisPlan Broker,
    RedisPlan Cache,
    [property: JsonIgnore] string Image,
    [property: JsonIgnore] SupersetRelease Release,
    [property: JsonIgnore] AutoscalingSettings Autoscaling,
    [property: JsonIgnore] IngressPlan Ingress,
    [property: JsonIgnore] AsyncQuerySettings AsyncQueries,
    [property: JsonIgnore] ReportsSettings Reports,
    [property: JsonIgnore] CacheTimeouts Caches,
    [property: JsonIgnore] MonitoringSettings Monitoring,
    [property: JsonIgnore] AwsSettings? Aws,
    [property: JsonIgnore] CostSettings Cost,
    [property: JsonIgnore] FlowerSettings Flower,
    [property: JsonIgnore] ClusterKind Cluster)
{
    /// <summary>Whether the data services are RDS and ElastiCache.</summary>
    [JsonIgnore]
    public bool OnAws => Aws is not null;

    /// <summary>Whether the pools scale with KEDA (else with hand-made HPAs).</summary>
    [JsonIgnore]
    public bool Keda => Autoscaling.Engine == AutoscalingEngine.Keda;
}

/// <summary>The gunicorn web tier.</summary>
/// <param name="RequiredWorkers">Seed 002's formula: requests in flight at peak (gunicorn threads in all).</param>
/// <param name="GunicornWorkers">gunicorn <c>--workers</c> per pod: processes.</param>
/// <param name="Threads">gunicorn <c>--threads</c> per process.</param>
/// <param name="SlotsPerPod">Requests one pod serves at once: workers × threads.</param>
/// <param name="Replicas">Pods that serve the peak: max(minReplicas, ceil(requiredWorkers / slotsPerPod)).</param>
/// <param name="MinReplicas">HPA minimum.</param>
/// <param name="MaxReplicas">HPA maximum.</param>
/// <param name="CpuMillis">Pod CPU request.</param>
/// <param name="MemoryMi">Pod memory request and limit.</param>
/// <param name="CpuTargetPercent">HPA CPU utilization target.</param>
/// <param name="TimeoutSeconds">gunicorn <c>--timeout</c>.</param>
/// <param name="GracefulTimeoutSeconds">gunicorn <c>--graceful-timeout</c>: in-flight requests may finish.</param>
/// <param name="MaxRequests">gunicorn <c>--max-requests</c>.</param>
/// <param name="MaxRequestsJitter">gunicorn <c>--max-requests-jitter</c>.</param>
/// <param name="PreStopSeconds">Pause before SIGTERM so the ingress stops routing to the pod.</param>
/// <param name="TerminationGracePeriodSeconds">preStop + graceful timeout + margin.</param>
/// <param name="DbPoolSize">SQLAlchemy pool_size per process (one per thread).</param>
/// <param name="DbMaxOverflow">SQLAlchemy max_overflow per process.</param>
public sealed record WebPlan(
    int RequiredWorkers,
    int GunicornWorkers,
    int Threads,
    int SlotsPerPod,
    int Replicas,
    int MinReplicas,
    int MaxReplicas,
    int CpuMillis,
    int MemoryMi,
    int CpuTargetPercent,
    int TimeoutSeconds,
    int GracefulTimeoutSeconds,
    int MaxRequests,
    int MaxRequestsJitter,
    int PreStopSeconds,
    int TerminationGracePeriodSeconds,
    int DbPoolSize,
    int DbMaxOverflow)
{
    /// <summary>Metadata-database connections one pod may open.</summary>
    public int DbConnectionsPerPod => GunicornWorkers * (DbPoolSize + DbMaxOverflow);
}

/// <summary>One queue's Celery worker pool.</summary>
/// <param name="Name">Queue name.</param>
/// <param name="Concurrency">Celery <c>-c</c>: prefork children per pod.</param>
/// <param name="ConcurrencySource"><c>config</c> or <c>memory</c> (computed from the pod's memory).</param>
/// <param name="MinReplicas">HPA minimum.</param>
/// <param name="MaxReplicas">HPA maximum.</param>
/// <param name="ScaleUpThreshold">Queued tasks per pod the HPA keeps (External metric AverageValue).</param>
/// <param name="CpuTargetPercent">HPA CPU utilization target.</param>
/// <param name="SoftTimeLimitSeconds">Celery soft time limit.</param>
/// <param name="HardTimeLimitSeconds">Celery hard time limit.</param>
/// <param name="MaxTasksPerChild">Celery <c>--max-tasks-per-child</c>.</param>
/// <param name="MaxMemoryPerChildKiB">Celery <c>--max-memory-per-child</c> (Celery takes KiB).</param>
/// <param name="CpuMillis">Pod CPU request.</param>
/// <param name="MemoryMi">Pod memory request and limit.</param>
/// <param name="PreStopSeconds">Time allowed for the preStop hook (cancel_consumer to this pod only).</param>
/// <param name="TerminationGracePeriodSeconds">preStop + hard time limit + margin: a running task always finishes.</param>
/// <param name="TaskMeanSeconds">Mean task run time (task profile).</param>
/// <param name="TaskP95Seconds">p95 task run time (task profile).</param>
/// <param name="WaitTargetSeconds">Queue wait above which the wait alert fires.</param>
/// <param name="PrefetchMultiplier">Celery --prefetch-multiplier of the pool's workers.</param>
/// <param name="PeakTasksPerMinute">Arrivals at the busiest minutes (the simulator's spike top).</param>
/// <param name="CpuMillisPerTask">Millicores one running task keeps busy (the simulator's CPU model).</param>
/// <param name="PollingIntervalSeconds">KEDA pollingInterval.</param>
/// <param name="CooldownSeconds">KEDA cooldownPeriod (one pod to zero).</param>
/// <param name="ScaleDownWindowSeconds">HPA scale-down stabilization window.</param>
/// <param name="ScaleDownPodsPerMinute">HPA scale-down step, pods a minute.</param>
public sealed record PoolPlan(
    string Name,
    int Concurrency,
    string ConcurrencySource,
    int MinReplicas,
    int MaxReplicas,
    int ScaleUpThreshold,
    int CpuTargetPercent,
    int SoftTimeLimitSeconds,
    int HardTimeLimitSeconds,
    int MaxTasksPerChild,
    int MaxMemoryPerChildKiB,
    int CpuMillis,
    int MemoryMi,
    int PreStopSeconds,
    int TerminationGracePeriodSeconds,
    decimal TaskMeanSeconds,
    decimal TaskP95Seconds,
    int WaitTargetSeconds,
    int PrefetchMultiplier,
    decimal PeakTasksPerMinute,
    int CpuMillisPerTask,
    int PollingIntervalSeconds,
    int CooldownSeconds,
    int ScaleDownWindowSeconds,
    int ScaleDownPodsPerMinute)
{
    /// <summary>Whether the autoscaler reads CPU at all (<see cref="CpuTargetPercent"/> 0: the queue alone).</summary>
    public bool CpuMetric => CpuTargetPercent > 0;

    /// <summary>
    /// Replicas KEDA holds while it cannot read the broker (<c>fallback.replicas</c>): what the peak
    /// needs, ceil(busy children at peak ÷ concurrency), within the pool's bounds and at least one.
    /// </summary>
    public int FallbackReplicas => Math.Clamp((int)decimal.Ceiling(PeakBusyChildren / Math.Max(Concurrency, 1)), Math.Max(MinReplicas, 1), Math.Max(MaxReplicas, 1));

    /// <summary>Children the peak keeps busy (Little's law: arrival rate × mean run time).</summary>
    public decimal PeakBusyChildren => PeakTasksPerMinute / 60m * TaskMeanSeconds;

    /// <summary>Metadata-database connections one pod may open: each child has its own pool.</summary>
    public int DbConnectionsPerPod => Concurrency * Planner.WorkerChildDbConnections;
}

/// <summary>Celery beat: exactly one replica (two would send every periodic task twice).</summary>
public sealed record BeatPlan(int Replicas, int CpuMillis, int MemoryMi);

/// <summary>Celery settings shared by every pool.</summary>
/// <param name="VisibilityTimeoutSeconds">Redis transport visibility timeout: longer than any hard time limit.</param>
/// <param name="Profile">The tier's seed 001 profile (result expiry, rate limits, compression).</param>
public sealed record CeleryPlan(int VisibilityTimeoutSeconds, Superset.Configuration.CeleryProfile Profile);

/// <summary>The metadata database's connection budget.</summary>
/// <param name="MaxConnections">PostgreSQL max_connections.</param>
/// <param name="MaxConnectionsSource"><c>config</c>, <c>rds-default</c> (the instance class) or <c>memory</c> (in-cluster pod).</param>
/// <param name="Budget">floor(maxConnections × budgetFraction): what Superset may use.</param>
/// <param name="ConnectionsAtMax">Connections with every HPA at its maximum during a rollout.</param>
/// <param name="Breakdown">Where <see cref="ConnectionsAtMax"/> comes from.</param>
/// <param name="InstanceClass">RDS class (AWS mode), else null.</param>
/// <param name="MemoryMi">PostgreSQL pod memory (in-cluster mode), else null.</param>
public sealed record DatabasePlan(
    int MaxConnections,
    string MaxConnectionsSource,
    int Budget,
    int ConnectionsAtMax,
    IReadOnlyList<ConnectionUse> Breakdown,
    string? InstanceClass,
    int? MemoryMi);

/// <summary>One consumer of database connections at full scale.</summary>
public sealed record ConnectionUse(string Consumer, string Formula, int Connections);

/// <summary>One Redis role.</summary>
/// <param name="Role">Broker or cache.</param>
/// <param name="MaxMemoryBytes">Redis maxmemory.</param>
/// <param name="MemoryMi">Container memory (in-cluster), else null.</param>
/// <param name="NodeType">ElastiCache node type (AWS), else null.</param>
/// <param name="ReservedMemoryPercent">Memory kept out of maxmemory.</param>
/// <param name="NodesPerGroup">ElastiCache nodes of the replication group (AWS: a primary, plus a replica in another zone with Multi-AZ), else null.</param>
public sealed record RedisPlan(
    RedisRole Role,
    long MaxMemoryBytes,
    int? MemoryMi,
    string? NodeType,
    int ReservedMemoryPercent,
    int? NodesPerGroup)
{
    /// <summary>The role's name in object names, labels and config keys: <c>broker</c> or <c>cache</c>.</summary>
    [JsonIgnore]
    public string Name => Role == RedisRole.Broker ? "broker" : "cache";

    /// <summary>
    /// <c>noeviction</c> for the broker (an evicted binding key gives kombu's InconsistencyError, a
    /// lost message a lost task), <c>allkeys-lru</c> for the cache.
    /// </summary>
    public string MaxMemoryPolicy => Role == RedisRole.Broker ? "noeviction" : "allkeys-lru";

    /// <summary>Whether its data must survive a restart: the broker's queued tasks must, the cache's need not.</summary>
    [JsonIgnore]
    public bool Persistent => Role == RedisRole.Broker;
}
