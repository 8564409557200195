using Superset.Catalog;

namespace Superset.Configuration;

/// <summary>The three deployment patterns of seed 002: 50, 500 and 5,000 peak concurrent users.</summary>
public enum TierName
{
    Small,
    Medium,
    Large,
}

/// <summary>Where the metadata database, broker and cache run.</summary>
public enum DataServicesMode
{
    /// <summary>PostgreSQL and two Redis instances as pods in the cluster (the dev stack: no AWS account).</summary>
    InCluster,

    /// <summary>RDS PostgreSQL and two ElastiCache replication groups (the prod stack).</summary>
    Aws,
}

/// <summary>
/// Every setting of one stack, validated and with the tier's defaults filled in. Built only by
/// <c>Reading.SettingsLoader</c>; nothing downstream reads config again. <c>Release</c> is the
/// Superset release the image runs (stacks/Catalog/SupersetReleases.cs).
/// </summary>
public sealed record StackSettings(
    TierName Tier,
    string Namespace,
    DataServicesMode DataServices,
    SizingInputs Sizing,
    WebSettings Web,
    IReadOnlyList<QueueSettings> Queues,
    DatabaseSettings Database,
    RedisSettings Redis,
    IngressSettings Ingress,
    string Image,
    AwsSettings Aws,
    MonitoringSettings Monitoring,
    CeleryProfile Celery,
    CacheTimeouts Caches,
    AsyncQuerySettings AsyncQueries,
    FlowerSettings Flower,
    ClusterKind Cluster,
    CostSettings Cost,
    SupersetRelease Release,
    ReportsSettings Reports,

    AutoscalingSettings Autoscaling);

/// <summary>
/// The app-wide Celery settings of a tier, from seed 001's three configurations: small runs its
/// "Minimal", medium its "Enterprise", large its "High-Throughput (Tuned for Dashboard Refresh
/// Storms)". Per-queue values (prefetch, recycling, time limits) live on the queues.
/// </summary>
/// <param name="Name">The seed's name of the configuration.</param>
/// <param name="InteractivePrefetch">Prefetch of the short-task queues (default, cache): 4, 1, 8 in the seed.</param>
/// <param name="ResultExpiresSeconds">result_expires: the seed's enterprise 3600, high-throughput 1800; minimal keeps Celery's default, one day.</param>
/// <param name="DisableRateLimits">worker_disable_rate_limits: the high-throughput profile turns rate limits off ("queue handles backpressure").</param>
/// <param name="Compression">task_compression: gzip in the high-throughput profile ("reduce broker memory"); null elsewhere.</param>
public sealed record CeleryProfile(string Name, int InteractivePrefetch, int ResultExpiresSeconds, bool DisableRateLimits, string? Compression);

/// <summary>Cache timeouts per kind of data (seed 003, "Redis Configuration for Superset" and its deployment examples).</summary>
/// <param name="MetadataSeconds">CACHE_CONFIG: dashboards' and charts' metadata.</param>
/// <param name="DataSeconds">DATA_CACHE_CONFIG: chart query results.</param>
public sealed record CacheTimeouts(int MetadataSeconds, int DataSeconds);

/// <summary>Superset's global async queries (GAQ): chart queries run on Celery, the browser is told when they finish.</summary>
/// <param name="Enabled">The GLOBAL_ASYNC_QUERIES feature flag.</param>
/// <param name="Transport"><c>polling</c> (works behind any ingress) or <c>ws</c> (Superset's websocket server).</param>
/// <param name="PollingDelayMs">GLOBAL_ASYNC_QUERIES_POLLING_DELAY: how often the browser asks (Superset's default 500).</param>
/// <param name="WebsocketImage">Image of superset-websocket (Apache publishes none; build superset-websocket/): required for <c>ws</c>.</param>
/// <param name="WarmupDashboards">Dashboards the cache queue warms ahead of their data cache expiry (cache-warmup's top_n_dashboards); 0 turns warm-up off.</param>
public sealed record AsyncQuerySettings(bool Enabled, string Transport, int PollingDelayMs, string? WebsocketImage, int WarmupDashboards);

/// <summary>Flower, Celery's web monitor: optional, always behind basic auth.</summary>
/// <param name="Enabled">Deploy Flower (a Deployment and a ClusterIP Service: reach it with a port-forward).</param>
/// <param name="Ingress">Also serve it at <c>/flower</c> on the Superset host, still behind its basic auth.</param>
public sealed record FlowerSettings(bool Enabled, bool Ingress);

/// <summary>The inputs of seed 002's worker formula (steps 1 to 6).</summary>
/// <param name="PeakConcurrentUsers">Users making requests at the same moment at the busiest hour (step 2).</param>
/// <param name="P95LatencyMs">95th percentile request latency in milliseconds (step 3: size for p95, not the mean).</param>
/// <param name="CacheHitRate">Share of requests served from cache, 0 ≤ x &lt; 1 (step 6).</param>
/// <param name="SafetyMargin">Multiplier for variance, 1.2 to 1.5 in the seed (step 4); 1.0 to 2.0 accepted.</param>
public sealed record SizingInputs(int PeakConcurrentUsers, int P95LatencyMs, decimal CacheHitRate, decimal SafetyMargin);

/// <summary>The gunicorn web tier's pod shape and limits.</summary>
/// <param name="Threads">gthread threads per gunicorn worker process.</param>
/// <param name="ProcessMemoryMi">Planned resident memory of one worker process (seed 003 / seed 002 pitfall 5: 100–300 MB).</param>
/// <param name="PodOverheadMi">Memory of the gunicorn master and the container beside the workers.</param>
/// <param name="MemoryMi">Pod memory limit (and request: the web tier is not allowed to burst into OOM).</param>
/// <param name="CpuMillis">Pod CPU request in millicores; caps processes at 2 × CPU + 1 (gunicorn's rule).</param>
/// <param name="MinReplicas">Fewest pods the autoscaler keeps (high availability).</param>
/// <param name="MaxReplicas">Most pods the autoscaler may run; null means the replicas that peak load needs.</param>
/// <param name="TimeoutSeconds">gunicorn --timeout (seed 002 patterns: 60, 120, 180 s).</param>
/// <param name="MaxRequests">gunicorn --max-requests, worker recycling (seed 003: 1000).</param>
/// <param name="MaxRequestsJitter">gunicorn --max-requests-jitter (seed 003: 100).</param>
/// <param name="DbPoolOverflow">SQLAlchemy max_overflow per web process; pool_size is the thread count.</param>
public sealed record WebSettings(
    int Threads,
    int ProcessMemoryMi,
    int PodOverheadMi,
    int MemoryMi,
    int CpuMillis,
    int MinReplicas,
    int? MaxReplicas,
    int TimeoutSeconds,
    int MaxRequests,
    int MaxRequestsJitter,
    int DbPoolOverflow);

/// <summary>One Celery queue and the worker pool that consumes it (seed 000, "Multi-Queue Auto-Scaling").</summary>
/// <param name="Name">Queue name; also the pool's Celery node name prefix.</param>
/// <param name="Concurrency">Celery -c, prefork children per pod; null means computed from memory.</param>
/// <param name="MinReplicas">Fewest pods (seed 000 lesson 4).</param>
/// <param name="MaxReplicas">Most pods (seed 000 lesson 4: 2–3× peak observed load).</param>
/// <param name="ScaleUpThreshold">Queued tasks per pod at which the autoscaler adds pods (seed 000).</param>
/// <param name="SoftTimeLimitSeconds">Celery soft time limit, seconds.</param>
/// <param name="HardTimeLimitSeconds">Celery hard time limit, seconds (Celery limits are seconds, not milliseconds).</param>
/// <param name="MaxTasksPerChild">Recycle a child after this many tasks (seed 001).</param>
/// <param name="MaxMemoryPerChildMi">Recycle a child above this resident memory (seed 001: 200 MB).</param>
/// <param name="MemoryMi">Pod memory limit.</param>
/// <param name="CpuMillis">Pod CPU request in millicores.</param>
/// <param name="TaskMeanSeconds">Mean run time of this queue's tasks (task profile).</param>
/// <param name="TaskP95Seconds">95th percentile run time of this queue's tasks (task profile).</param>
/// <param name="WaitTargetSeconds">Longest a task should wait in the queue before a worker starts it (the alert threshold).</param>
/// <param name="PrefetchMultiplier">Celery <c>--prefetch-multiplier</c>: messages each child reserves ahead (tier profile).</param>
/// <param name="CpuTargetPercent">The pool autoscaler's CPU utilization target (seed 000: 70 %); 0 scales on the queue alone.</param>
/// <param name="PeakTasksPerMinute">Arrivals at the busiest minutes the pool must absorb (seed 000: the 10× spike); the simulator's scenarios and the capacity check read it.</param>
/// <param name="CpuMillisPerTask">CPU one running task keeps busy, millicores (task profile): the simulator's CPU model.</param>
/// <param name="PollingIntervalSeconds">KEDA's pollingInterval: how often it checks the queue to wake a pool at zero (and to put it back to sleep).</param>
/// <param name="CooldownSeconds">KEDA's cooldownPeriod: how long after the queue was last non-empty a pool at one pod goes to zero.</param>
/// <param name="ScaleDownWindowSeconds">The scale-down stabilization window of the pool's HPA (seed 000: 10 minutes).</param>
/// <param name="ScaleDownPodsPerMinute">Pods the pool's HPA removes a minute at most after the window (seed 000: 2–5).</param>
public sealed record QueueSettings(
    string Name,
    int? Concurrency,
    int MinReplicas,
    int MaxReplicas,
    int ScaleUpThreshold,
    int SoftTimeLimitSeconds,
    int HardTimeLimitSeconds,
    int MaxTasksPerChild,
    int MaxMemoryPerChildMi,
    int MemoryMi,
    int CpuMillis,
    decimal TaskMeanSeconds,
    decimal TaskP95Seconds,
    int WaitTargetSeconds,
    int PrefetchMultiplier,
    int CpuTargetPercent,
    decimal PeakTasksPerMinute,
    int CpuMillisPerTask,
    int PollingIntervalSeconds,
    int CooldownSeconds,
    int ScaleDownWindowSeconds,
    int ScaleDownPodsPerMinute);

/// <summary>The metadata database and its connection budget.</summary>
/// <param name="InstanceClass">RDS instance class (AWS mode), e.g. <c>db.r6g.large</c>.</param>
/// <param name="MemoryMi">PostgreSQL pod memory limit (in-cluster mode).</param>
/// <param name="MaxConnections">Explicit max_connections; null derives it from the database's memory.</param>
/// <param name="BudgetFraction">Share of max_connections Superset may use at full scale (seed 002 pitfall 2: 60–70 %).</param>
/// <param name="OtherClients">Connections kept for everything else: exporters, migrations, an operator's psql.</param>
public sealed record DatabaseSettings(
    string InstanceClass,
    int MemoryMi,
    int? MaxConnections,
    decimal BudgetFraction,
    int OtherClients);

/// <summary>The two Redis roles. One instance per role: maxmemory-policy is per instance.</summary>
public sealed record RedisSettings(RedisRoleSettings Broker, RedisRoleSettings Cache);

/// <summary>One Redis role's size.</summary>
/// <param name="MemoryMi">Container memory limit (in-cluster mode).</param>
/// <param name="NodeType">ElastiCache node type (AWS mode), e.g. <c>cache.t4g.medium</c>.</param>
/// <param name="ReservedMemoryPercent">Memory kept out of maxmemory for fork, buffers and fragmentation (ElastiCache default 25).</param>
public sealed record RedisRoleSettings(int MemoryMi, string NodeType, int ReservedMemoryPercent);

/// <summary>How users reach the web tier: an NGINX Ingress.</summary>
/// <param name="Host">Host name the Ingress serves.</param>
/// <param name="ClassName">IngressClass of the NGINX ingress controller.</param>
/// <param name="TlsSecretName">Secret with the TLS certificate; null serves plain HTTP (dev only).</param>
/// <param name="ControllerNamespace">Namespace of the ingress controller: the only source NetworkPolicy admits to the web pods.</param>
/// <param name="InstallController">Install ingress-nginx from its pinned chart (for a cluster without one).</param>
public sealed record IngressSettings(string Host, string ClassName, string? TlsSecretName, string ControllerNamespace, bool InstallController);

/// <summary>
/// Where the AWS data tier goes (<c>dataServices: aws</c>): an existing VPC and EKS cluster, given by
/// stack config. Ignored in the cluster.
/// </summary>
/// <param name="VpcId">The VPC of the EKS cluster.</param>
/// <param name="PrivateSubnetIds">Private subnets in at least two availability zones (Multi-AZ).</param>
/// <param name="ClientSecurityGroupId">The security group of the cluster's nodes or pods: the only source admitted.</param>
/// <param name="PostgresVersion">RDS PostgreSQL engine version, pinned (the in-cluster image runs the same major).</param>
/// <param name="AllocatedStorageGb">RDS storage.</param>
/// <param name="BackupRetentionDays">RDS automated backups.</param>
/// <param name="MultiAz">Standby database and cache replicas in a second zone, with automatic failover.</param>
/// <param name="ProtectData">Deletion protection, a final snapshot and Pulumi's <c>protect</c> on the database and caches.</param>
/// <param name="AlarmTopicArn">SNS topic the CloudWatch alarms notify; null: alarms without actions (console only).</param>
public sealed record AwsSettings(
    string? VpcId,
    IReadOnlyList<string> PrivateSubnetIds,
    string? ClientSecurityGroupId,
    string PostgresVersion,
    int AllocatedStorageGb,
    int BackupRetentionDays,
    bool MultiAz,
    bool ProtectData,
    string? AlarmTopicArn);

/// <summary>
/// Where metrics go: a Prometheus Operator (kube-prometheus-stack) in the cluster. The program
/// declares ServiceMonitors and PrometheusRules for it; it does not install it unless asked.
/// </summary>
/// <param name="Namespace">Namespace of Prometheus: the only source NetworkPolicy admits to metrics ports.</param>
/// <param name="ReleaseLabel">
/// Value of the <c>release</c> label on ServiceMonitors and PrometheusRules: kube-prometheus-stack's
/// Prometheus selects only objects labelled with its Helm release name unless told otherwise
/// (its values <c>serviceMonitorSelectorNilUsesHelmValues</c> and <c>ruleSelectorNilUsesHelmValues</c>).
/// </param>
/// <param name="Enabled">Declare ServiceMonitors, PrometheusRules and queue-depth autoscaling (needs the operator's CRDs).</param>
/// <param name="InstallStack">Install kube-prometheus-stack and prometheus-adapter from their pinned charts (for a cluster without them).</param>
/// <param name="InstallMetricsServer">
/// Install metrics-server from its pinned chart: the resource metrics API (<c>metrics.k8s.io</c>)
/// every CPU target of an autoscaler reads. Defaults to <paramref name="InstallStack"/>; turn it off
/// where the cluster already serves that API (an EKS metrics-server add-on, say): two releases
/// cannot own the same APIService.
/// </param>
public sealed record MonitoringSettings(string Namespace, string ReleaseLabel, bool Enabled, bool InstallStack, bool InstallMetricsServer);
