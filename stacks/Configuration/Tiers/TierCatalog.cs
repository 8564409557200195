namespace Superset.Configuration.Tiers;

/// <summary>
/// The three patterns of the sizing article (docs/sources/worker-sizing.md, "Configuration Patterns
/// and Real Numbers"): 50, 500 and 5,000 peak concurrent users, each a table: the tier's own values,
/// and one row per queue on top of the queue's profile (<see cref="QueueProfiles"/>). The article's
/// own gunicorn numbers do not follow its formula ("use 8 (conservative)"); here only its inputs are
/// taken, and every size is computed by the planner. Each value names its source; where the
/// articles are wrong or silent the reason is given instead.
/// </summary>
public static class TierCatalog
{
    /// <summary>The config value of each tier, as written in <c>superset:tier</c>.</summary>
    public static IReadOnlyDictionary<string, TierName> ByConfigName { get; } = new Dictionary<string, TierName>
    {
        ["small"] = TierName.Small,
        ["medium"] = TierName.Medium,
        ["large"] = TierName.Large,
    };

    /// <summary>The defaults of one tier.</summary>
    public static TierDefaults Get(TierName tier) => tier switch
    {
        TierName.Small => Small,
        TierName.Medium => Medium,
        TierName.Large => Large,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "unknown tier"),
    };

    /// <summary>The config spelling of a tier.</summary>
    public static string ConfigName(TierName tier) => tier.ToString().ToLowerInvariant();

    // The async-queries article's three Celery configurations (docs/sources/async-queries.md).
    // acks_late is on in every tier (the minimal one leaves it off and loses a crashed worker's
    // tasks; this program never does, tests/drills proves it).
    private static readonly CeleryProfile MinimalProfile = new("minimal", InteractivePrefetch: 4, ResultExpiresSeconds: 86_400, DisableRateLimits: false, Compression: null);

    private static readonly CeleryProfile EnterpriseProfile = new("enterprise", InteractivePrefetch: 1, ResultExpiresSeconds: 3600, DisableRateLimits: false, Compression: null);

    private static readonly CeleryProfile HighThroughputProfile = new("high-throughput", InteractivePrefetch: 8, ResultExpiresSeconds: 1800, DisableRateLimits: true, Compression: "gzip");

    // Assumption: the patterns give an average latency (400, 800, 1,500 ms) while the formula asks
    // for the p95 (step 3); no pattern gives its p95, so the average stands in as
    // sizing.p95LatencyMs, the sizing (and the SupersetWebLatencyHigh threshold) is as optimistic as
    // the article's own, and a team with a measured p95 sets it (docs/configure.md).
    // Pattern 1, "Small Team / Early Stage": 50 peak concurrent, 400 ms latency, expected cache hit
    // rate 60–70 % (we take 0.65), the pattern's own margin 1.2. 1 CPU / 1 GiB web pods (the memory
    // article's "Small Deployment" runs 2 processes on its host); 4 threads per process is the
    // smallest gthread preset of the Superset operator. Timeout 60 s (pattern 1). The async-queries
    // article's "Minimal Configuration": recycle after 1000 tasks. Dev runs PostgreSQL in the cluster;
    // 2 GiB gives max_connections 225 by the RDS rule. The memory article's "Small Deployment": redis
    // maxmemory 1gb for the cache; its "Redis Configuration for Superset": "1 hour default" for
    // metadata, "10 minutes for query results".
    private static readonly TierDefaults Small = Build(new TierTable
    {
        Name = TierName.Small,
        Sizing = new SizingInputs(PeakConcurrentUsers: 50, P95LatencyMs: 400, CacheHitRate: 0.65m, SafetyMargin: 1.2m),
        Web = Web(threads: 4, pod: new(CpuMillis: 1000, MemoryMi: 1024), minReplicas: 2, timeoutSeconds: 60, recycling: new(MaxRequests: 1000, Jitter: 100), overflow: 1),
        Celery = MinimalProfile,
        MaxTasksPerChild = 1000,
        Queues =
        [
            new("default", new(Min: 1, Max: 4), PeakPerMinute: 192m, QueueShapes.Steady(5, downWindowSeconds: 300, upWindowSeconds: 30)) { PrefetchMultiplier = 1 },
            new("exports", new(Min: 0, Max: 2), PeakPerMinute: 4.8m, QueueShapes.Sleeping(6, new(PollingIntervalSeconds: 15, CooldownSeconds: 900), downWindowSeconds: 0)),
            new("reports", new(Min: 0, Max: 2), PeakPerMinute: 6.4m, QueueShapes.Sleeping(30, new(PollingIntervalSeconds: 30, CooldownSeconds: 900))),
            new("cache", new(Min: 0, Max: 2), PeakPerMinute: 32m, QueueShapes.Sleeping(60, new(PollingIntervalSeconds: 30, CooldownSeconds: 600), upWindowSeconds: 60)) { PrefetchMultiplier = 1 },
        ],
        Database = new DatabaseSettings(InstanceClass: "db.t4g.medium", MemoryMi: 2048, MaxConnections: null, BudgetFraction: 0.7m, OtherClients: 10),
        Redis = new RedisSettings(
            Broker: new RedisRoleSettings(MemoryMi: 256, NodeType: "cache.t4g.small", ReservedMemoryPercent: 25),
            Cache: new RedisRoleSettings(MemoryMi: 1024, NodeType: "cache.t4g.medium", ReservedMemoryPercent: 25)),
        Caches = new CacheTimeouts(MetadataSeconds: 3600, DataSeconds: 600),
    });

    // Pattern 2, "Growth Stage / Mid-Market": 500 peak concurrent, 800 ms, cache hit rate 65–75 %
    // (we take 0.70), margin 1.3 (the pattern's comment). 2 CPU / 2 GiB web pods (the memory
    // article's "Medium Deployment"); 8 threads (operator preset); 3 replicas at least (pattern 2 runs
    // 3 load-balanced app servers); timeout 120 s (pattern 2). "Enterprise Configuration": recycle
    // after 100 tasks. PostgreSQL with 8 GB ("Medium Deployment"); on AWS db.r6g.large (16 GiB).
    // Redis nodes of 4 GB (pattern 2); metadata 600 s, data 300 s ("Medium Deployment").
    private static readonly TierDefaults Medium = Build(new TierTable
    {
        Name = TierName.Medium,
        Sizing = new SizingInputs(PeakConcurrentUsers: 500, P95LatencyMs: 800, CacheHitRate: 0.70m, SafetyMargin: 1.3m),
        Web = Web(threads: 8, pod: new(CpuMillis: 2000, MemoryMi: 2048), minReplicas: 3, timeoutSeconds: 120, recycling: new(MaxRequests: 1000, Jitter: 100), overflow: 2),
        Celery = EnterpriseProfile,
        MaxTasksPerChild = 100,
        Queues =
        [
            new("default", new(Min: 1, Max: 12), PeakPerMinute: 576m, QueueShapes.Steady(5, downWindowSeconds: 600, upWindowSeconds: 15)) { PrefetchMultiplier = 1 },
            new("exports", new(Min: 1, Max: 4), PeakPerMinute: 9.6m, QueueShapes.Steady(8, downWindowSeconds: 600, upWindowSeconds: 15)),
            new("reports", new(Min: 1, Max: 3), PeakPerMinute: 9.6m, QueueShapes.Steady(30, downWindowSeconds: 60, upWindowSeconds: 15)),
            new("cache", new(Min: 0, Max: 3), PeakPerMinute: 48m, QueueShapes.Sleeping(150, QueueShapes.AtZero)) { PrefetchMultiplier = 1 },
        ],
        Database = new DatabaseSettings(InstanceClass: "db.r6g.large", MemoryMi: 8192, MaxConnections: null, BudgetFraction: 0.7m, OtherClients: 10),
        Redis = new RedisSettings(
            Broker: new RedisRoleSettings(MemoryMi: 512, NodeType: "cache.t4g.medium", ReservedMemoryPercent: 25),
            Cache: new RedisRoleSettings(MemoryMi: 4096, NodeType: "cache.r7g.large", ReservedMemoryPercent: 25)),
        Caches = new CacheTimeouts(MetadataSeconds: 600, DataSeconds: 300),
    });

    // Pattern 3, "Enterprise / High Scale": 5,000 peak concurrent, 1,500 ms, cache hit rate 75–85 %
    // (we take 0.80), margin 1.3. 4 CPU / 4 GiB web pods, 8 threads; at least 10 replicas (pattern 3:
    // 10 app servers); timeout 180 s and recycling every 10,000 requests with 1,000 jitter (pattern 3).
    // No pool overflow: at this scale RDS's ceiling of 5,000 connections binds. The autoscaling
    // article's "Multi-Queue Auto-Scaling": default 5–30, exports 2–10, reports 1–5; the async-queries
    // article's "High-Throughput Configuration": 300 s hard limit, 270 s soft, for interactive work,
    // and recycling after 500 tasks. Redis nodes of 8 GB (pattern 3); metadata 600 s, data 300 s.
    private static readonly TierDefaults Large = Build(new TierTable
    {
        Name = TierName.Large,
        Sizing = new SizingInputs(PeakConcurrentUsers: 5000, P95LatencyMs: 1500, CacheHitRate: 0.80m, SafetyMargin: 1.3m),
        Web = Web(threads: 8, pod: new(CpuMillis: 4000, MemoryMi: 4096), minReplicas: 10, timeoutSeconds: 180, recycling: new(MaxRequests: 10000, Jitter: 1000), overflow: 0),
        Celery = HighThroughputProfile,
        MaxTasksPerChild = 500,
        Queues =
        [
            new("default", new(Min: 1, Max: 30), PeakPerMinute: 1440m, QueueShapes.Steady(5, downWindowSeconds: 1200)) { Limits = new(SoftSeconds: 270, HardSeconds: 300), PrefetchMultiplier = 1 },
            new("exports", new(Min: 1, Max: 10), PeakPerMinute: 24m, QueueShapes.Steady(8, downWindowSeconds: 1800, upWindowSeconds: 60)),
            new("reports", new(Min: 0, Max: 5), PeakPerMinute: 16m, QueueShapes.Sleeping(30, QueueShapes.AtZero)),
            new("cache", new(Min: 0, Max: 5), PeakPerMinute: 80m, QueueShapes.Sleeping(600, QueueShapes.AtZero)) { PrefetchMultiplier = 1 },
        ],
        Database = new DatabaseSettings(InstanceClass: "db.r6g.2xlarge", MemoryMi: 49152, MaxConnections: null, BudgetFraction: 0.7m, OtherClients: 10),
        Redis = new RedisSettings(
            Broker: new RedisRoleSettings(MemoryMi: 1024, NodeType: "cache.m7g.large", ReservedMemoryPercent: 25),
            Cache: new RedisRoleSettings(MemoryMi: 8192, NodeType: "cache.r7g.xlarge", ReservedMemoryPercent: 25)),
        Caches = new CacheTimeouts(MetadataSeconds: 600, DataSeconds: 300),
    });

    /// <summary>
    /// Web pods of every tier: 300 Mi per gunicorn process (the top of the sizing article's 100–300 MB, pitfall 5)
    /// and 200 Mi for the master and the rest of the pod; the HPA's maximum is what the peak needs.
    /// </summary>
    private static WebSettings Web(int threads, PodResources pod, int minReplicas, int timeoutSeconds, RequestRecycling recycling, int overflow) => new()
    {
        Threads = threads, ProcessMemoryMi = 300, PodOverheadMi = 200, Pod = pod, MinReplicas = minReplicas, MaxReplicas = null,
        TimeoutSeconds = timeoutSeconds, Recycling = recycling, DbPoolOverflow = overflow,
    };

    /// <summary>
    /// A tier's queues: each row of its table on top of the queue's profile. Peak demand (tasks per
    /// minute) is what each tier's maximum was chosen for: the autoscaling article's "set max to 2–3×
    /// your peak observed load"; taking the middle, 2.5, the peak keeps max × concurrency ÷ 2.5
    /// children busy, which is max × c ÷ 2.5 × 60 ÷ taskMeanSeconds tasks a minute (c from memory: 4
    /// on default, 2 elsewhere; e.g. medium default 12 × 4 ÷ 2.5 × 60 ÷ 2 = 576). The numbers are
    /// written out so that editing maxReplicas does not move the demand it is judged against;
    /// operators replace them with their own busiest minutes ("Tuning for Your Workload").
    /// </summary>
    private static TierDefaults Build(TierTable table) => new()
    {
        Name = table.Name,
        Sizing = table.Sizing,
        Web = table.Web,
        Queues = table.Queues.Select(row => Queue(QueueProfiles.Of(row.Queue), row, table) with { Origin = $"the {ConfigName(table.Name)} tier's {row.Queue} queue" }).ToList(),
        CustomQueue = Queue(QueueProfiles.Custom, CustomQueueRow, table) with { Origin = "the custom-queue profile (docs/configure.md, \"Adding a queue and its pool\")" },
        Database = table.Database,
        Redis = table.Redis,
        Celery = table.Celery,
        Caches = table.Caches,
    };

    /// <summary>
    /// Every tier's row for a queue the stack adds (<see cref="QueueProfiles.Custom"/>): zero to two
    /// pods, no declared peak, woken by its first task and asleep after ten quiet minutes.
    /// </summary>
    private static TierQueue CustomQueueRow => new(QueueProfiles.Custom.Name, new(Min: 0, Max: 2), PeakPerMinute: 0m, QueueShapes.Sleeping(10, QueueShapes.AtZero));

    private static QueueSettings Queue(QueueProfile profile, TierQueue row, TierTable table) => new()
    {
        Name = profile.Name,
        Concurrency = null,
        Replicas = row.Replicas,
        Pod = profile.Pod,
        Limits = row.Limits ?? profile.Limits,
        Recycling = new ChildRecycling(table.MaxTasksPerChild, profile.MaxMemoryPerChildMi),
        Tasks = profile.Tasks with { PeakPerMinute = row.PeakPerMinute },
        WaitTargetSeconds = profile.WaitTargetSeconds,
        PrefetchMultiplier = row.PrefetchMultiplier ?? (profile.InteractivePrefetch ? table.Celery.InteractivePrefetch : 1),
        Autoscaler = row.Shape,
    };
}
