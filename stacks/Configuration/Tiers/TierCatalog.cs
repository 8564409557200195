namespace Superset.Configuration.Tiers;

/// <summary>
/// The three patterns of seed 002 ("Configuration Patterns and Real Numbers"): 50, 500 and 5,000 peak
/// concurrent users. The seed's own gunicorn numbers do not follow its formula ("use 8
/// (conservative)"); here only its inputs are taken, and every size is computed by
/// the planner. Each value names its source; where the seeds are wrong or silent
/// the reason is given instead.
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

    // Seed 001's three Celery configurations. acks_late is on in every tier (the minimal one leaves
    // it off and loses a crashed worker's tasks; this program never does, tests/drills proves it).
    private static readonly CeleryProfile MinimalProfile = new("minimal", InteractivePrefetch: 4, ResultExpiresSeconds: 86_400, DisableRateLimits: false, Compression: null);

    private static readonly CeleryProfile EnterpriseProfile = new("enterprise", InteractivePrefetch: 1, ResultExpiresSeconds: 3600, DisableRateLimits: false, Compression: null);

    private static readonly CeleryProfile HighThroughputProfile = new("high-throughput", InteractivePrefetch: 8, ResultExpiresSeconds: 1800, DisableRateLimits: true, Compression: "gzip");

    // Pattern 1, "Small Team / Early Stage": 50 peak concurrent, 400 ms latency, expected cache hit
    // rate 60–70 % (we take 0.65), the pattern's own margin 1.2.
    private static readonly TierDefaults Small = new(
        TierName.Small,
        new SizingInputs(PeakConcurrentUsers: 50, P95LatencyMs: 400, CacheHitRate: 0.65m, SafetyMargin: 1.2m),
        // 1 CPU / 1 GiB pods (seed 003 "Small Deployment" runs 2 processes on its host); 4 threads per
        // process is the smallest gthread preset of the Superset operator. Timeout 60 s (pattern 1).
        new WebSettings(Threads: 4, ProcessMemoryMi: 300, PodOverheadMi: 200, MemoryMi: 1024, CpuMillis: 1000,
            MinReplicas: 2, MaxReplicas: null, TimeoutSeconds: 60, MaxRequests: 1000, MaxRequestsJitter: 100,
            DbPoolOverflow: 1),
        Queues(
            defaultQueue: (Min: 2, Max: 4, MemoryMi: 2048, SoftSeconds: 540, HardSeconds: 600, Peak: 192m),
            exports: (Min: 1, Max: 2, Peak: 4.8m),
            reports: (Min: 1, Max: 2, Peak: 6.4m),
            cache: (Min: 1, Max: 2, Peak: 32m),
            // Seed 001 "Minimal Configuration": recycle after 1000 tasks.
            maxTasksPerChild: 1000,
            MinimalProfile.InteractivePrefetch,
            QueueShapes.Small),
        // Dev runs PostgreSQL in the cluster; 2 GiB gives max_connections 225 by the RDS rule.
        new DatabaseSettings(InstanceClass: "db.t4g.medium", MemoryMi: 2048, MaxConnections: null,
            BudgetFraction: 0.7m, OtherClients: 10),
        // Seed 003 "Small Deployment": redis maxmemory 1gb for the cache.
        new RedisSettings(
            Broker: new RedisRoleSettings(MemoryMi: 256, NodeType: "cache.t4g.small", ReservedMemoryPercent: 25),
            Cache: new RedisRoleSettings(MemoryMi: 1024, NodeType: "cache.t4g.medium", ReservedMemoryPercent: 25)),
        MinimalProfile,
        // Seed 003: "1 hour default" for metadata, "10 minutes for query results".
        new CacheTimeouts(MetadataSeconds: 3600, DataSeconds: 600));

    // Pattern 2, "Growth Stage / Mid-Market": 500 peak concurrent, 800 ms, cache hit rate 65–75 %
    // (we take 0.70), margin 1.3 (the pattern's comment).
    private static readonly TierDefaults Medium = new(
        TierName.Medium,
        new SizingInputs(PeakConcurrentUsers: 500, P95LatencyMs: 800, CacheHitRate: 0.70m, SafetyMargin: 1.3m),
        // 2 CPU / 2 GiB pods (seed 003 "Medium Deployment"); 8 threads (operator preset); 3 replicas at
        // least (pattern 2 runs 3 load-balanced app servers); timeout 120 s (pattern 2).
        new WebSettings(Threads: 8, ProcessMemoryMi: 300, PodOverheadMi: 200, MemoryMi: 2048, CpuMillis: 2000,
            MinReplicas: 3, MaxReplicas: null, TimeoutSeconds: 120, MaxRequests: 1000, MaxRequestsJitter: 100,
            DbPoolOverflow: 2),
        Queues(
            defaultQueue: (Min: 3, Max: 12, MemoryMi: 2048, SoftSeconds: 540, HardSeconds: 600, Peak: 576m),
            exports: (Min: 1, Max: 4, Peak: 9.6m),
            reports: (Min: 0, Max: 3, Peak: 9.6m),
            cache: (Min: 0, Max: 3, Peak: 48m),
            // Seed 001 "Enterprise Configuration": recycle after 100 tasks.
            maxTasksPerChild: 100,
            EnterpriseProfile.InteractivePrefetch,
            QueueShapes.Medium),
        // Seed 003 "Medium Deployment": PostgreSQL with 8 GB. On AWS, db.r6g.large (16 GiB).
        new DatabaseSettings(InstanceClass: "db.r6g.large", MemoryMi: 8192, MaxConnections: null,
            BudgetFraction: 0.7m, OtherClients: 10),
        // Seed 002 pattern 2: Redis nodes of 4 GB.
        new RedisSettings(
            Broker: new RedisRoleSettings(MemoryMi: 512, NodeType: "cache.t4g.medium", ReservedMemoryPercent: 25),
            Cache: new RedisRoleSettings(MemoryMi: 4096, NodeType: "cache.r7g.large", ReservedMemoryPercent: 25)),
        EnterpriseProfile,
        // Seed 003 "Medium Deployment": metadata 600 s, data 300 s.
        new CacheTimeouts(MetadataSeconds: 600, DataSeconds: 300));

    // Pattern 3, "Enterprise / High Scale": 5,000 peak concurrent, 1,500 ms, cache hit rate 75–85 %
    // (we take 0.80), margin 1.3.
    private static readonly TierDefaults Large = new(
        TierName.Large,
        new SizingInputs(PeakConcurrentUsers: 5000, P95LatencyMs: 1500, CacheHitRate: 0.80m, SafetyMargin: 1.3m),
        // 4 CPU / 4 GiB pods, 8 threads; at least 10 replicas (pattern 3: 10 app servers); timeout 180 s
        // and recycling every 10,000 requests with 1,000 jitter (pattern 3). No pool overflow: at this
        // scale RDS's ceiling of 5,000 connections is the binding limit (see the connection budget).
        new WebSettings(Threads: 8, ProcessMemoryMi: 300, PodOverheadMi: 200, MemoryMi: 4096, CpuMillis: 4000,
            MinReplicas: 10, MaxReplicas: null, TimeoutSeconds: 180, MaxRequests: 10000, MaxRequestsJitter: 1000,
            DbPoolOverflow: 0),
        Queues(
            // Seed 000 "Multi-Queue Auto-Scaling": default min 5, max 30; exports 2–10; reports 1–5.
            // Seed 001 "High-Throughput Configuration": 300 s hard limit, 270 s soft, for interactive work.
            defaultQueue: (Min: 5, Max: 30, MemoryMi: 2048, SoftSeconds: 270, HardSeconds: 300, Peak: 1440m),
            exports: (Min: 2, Max: 10, Peak: 24m),
            reports: (Min: 0, Max: 5, Peak: 16m),
            cache: (Min: 0, Max: 5, Peak: 80m),
            // Seed 001 "High-Throughput Configuration": recycle after 500 tasks.
            maxTasksPerChild: 500,
            HighThroughputProfile.InteractivePrefetch,
            QueueShapes.Large),
        new DatabaseSettings(InstanceClass: "db.r6g.2xlarge", MemoryMi: 49152, MaxConnections: null,
            BudgetFraction: 0.7m, OtherClients: 10),
        // Seed 002 pattern 3: Redis nodes of 8 GB.
        new RedisSettings(
            Broker: new RedisRoleSettings(MemoryMi: 1024, NodeType: "cache.m7g.large", ReservedMemoryPercent: 25),
            Cache: new RedisRoleSettings(MemoryMi: 8192, NodeType: "cache.r7g.xlarge", ReservedMemoryPercent: 25)),
        HighThroughputProfile,
        // Seed 003 "Large Deployment": metadata 600 s, data 300 s.
        new CacheTimeouts(MetadataSeconds: 600, DataSeconds: 300));

    /// <summary>
    /// The four queues of seed 000 ("default, exports, reports, cache"), each with its own task profile.
    /// Scale-up thresholds, CPU targets, scale-down behavior and KEDA timing come from the tier's
    /// <see cref="TierShapes"/> (the simulator's frontier; seed 000's per-queue thresholds 3/2/5 and
    /// its 70 % CPU are the starting points it improves on, and stay settable).
    /// <para>
    /// Peak demand (<c>Peak</c>, tasks per minute) is what each tier's maximum was chosen for. Seed 000
    /// ("Always set minimum and maximum replica counts"): "We typically set max to 2–3× your peak
    /// observed load"; taking the middle, 2.5, the peak keeps max × concurrency ÷ 2.5 children busy,
    /// which is max × c ÷ 2.5 × 60 ÷ taskMeanSeconds tasks a minute (c from memory: 4 on default, 2
    /// elsewhere; e.g. medium default 12 × 4 ÷ 2.5 × 60 ÷ 2 = 576). The numbers are written out so that
    /// editing maxReplicas does not move the demand it is judged against; operators replace them with
    /// their own busiest minutes (seed 000, "Tuning for Your Workload").
    /// </para>
    /// </summary>
    private static IReadOnlyList<QueueSettings> Queues(
        (int Min, int Max, int MemoryMi, int SoftSeconds, int HardSeconds, decimal Peak) defaultQueue,
        (int Min, int Max, decimal Peak) exports,
        (int Min, int Max, decimal Peak) reports,
        (int Min, int Max, decimal Peak) cache,
        int maxTasksPerChild,
        int interactivePrefetch,
        TierShapes shapes) =>
    [
        // Interactive queries and chart data: users wait, so the lowest threshold that seed 000 uses
        // for a latency-sensitive queue. 400 MiB per child: seed 001's 200 MB is below the 100–300 MB
        // a Superset process holds after import (seed 003), and would recycle a child after every task.
        new QueueSettings("default", Concurrency: null, defaultQueue.Min, defaultQueue.Max, ScaleUpThreshold: shapes.Default.ScaleUpThreshold,
            defaultQueue.SoftSeconds, defaultQueue.HardSeconds, maxTasksPerChild, MaxMemoryPerChildMi: 400,
            defaultQueue.MemoryMi, CpuMillis: 1000, TaskMeanSeconds: 2m, TaskP95Seconds: 8m,
            // A user is looking at a spinner (seed 000: "Interactive queries should scale aggressively
            // because users are waiting"); half a minute of queueing is already felt.
            WaitTargetSeconds: 30, PrefetchMultiplier: interactivePrefetch, CpuTargetPercent: shapes.Default.CpuTargetPercent, PeakTasksPerMinute: defaultQueue.Peak,
            CpuMillisPerTask: QueueShapes.SqlCpuMillis, shapes.Default.PollingIntervalSeconds, shapes.Default.CooldownSeconds, shapes.Default.ScaleDownWindowSeconds, shapes.Default.ScaleDownPodsPerMinute),
        // Exports (dashboard and chart screenshots, PDF/CSV): memory-intensive, so fewer, larger
        // children (seed 000); the 10-minute limits of seed 001's enterprise profile.
        new QueueSettings("exports", Concurrency: null, exports.Min, exports.Max, ScaleUpThreshold: shapes.Exports.ScaleUpThreshold,
            SoftTimeLimitSeconds: 540, HardTimeLimitSeconds: 600, maxTasksPerChild, MaxMemoryPerChildMi: 800,
            MemoryMi: 2048, CpuMillis: 1000, TaskMeanSeconds: 20m, TaskP95Seconds: 90m,
            // A user clicked "download": a couple of minutes is the most they tolerate.
            // Prefetch 1: a child holding a 10-minute export must not sit on the next one (seed 001's
            // enterprise profile: "fetch one task at a time").
            WaitTargetSeconds: 120, PrefetchMultiplier: 1, CpuTargetPercent: shapes.Exports.CpuTargetPercent, PeakTasksPerMinute: exports.Peak,
            CpuMillisPerTask: QueueShapes.RenderCpuMillis, shapes.Exports.PollingIntervalSeconds, shapes.Exports.CooldownSeconds, shapes.Exports.ScaleDownWindowSeconds, shapes.Exports.ScaleDownPodsPerMinute),
        // Scheduled reports: can wait for the next worker (seed 000: "Reports can be queued longer").
        new QueueSettings("reports", Concurrency: null, reports.Min, reports.Max, ScaleUpThreshold: shapes.Reports.ScaleUpThreshold,
            SoftTimeLimitSeconds: 540, HardTimeLimitSeconds: 600, maxTasksPerChild, MaxMemoryPerChildMi: 600,
            // 1600 Mi: parent 300 + probe 48 + two children of 600 = 1548 (Planner's formula).
            MemoryMi: 1600, CpuMillis: 500, TaskMeanSeconds: 15m, TaskP95Seconds: 60m,
            // Scheduled: a report sent ten minutes late is late, not lost (seed 000: "can be queued longer").
            WaitTargetSeconds: 600, PrefetchMultiplier: 1, CpuTargetPercent: shapes.Reports.CpuTargetPercent, PeakTasksPerMinute: reports.Peak,
            CpuMillisPerTask: QueueShapes.ReportCpuMillis, shapes.Reports.PollingIntervalSeconds, shapes.Reports.CooldownSeconds, shapes.Reports.ScaleDownWindowSeconds, shapes.Reports.ScaleDownPodsPerMinute),
        // Cache warm-up: many short tasks, nobody waiting on a screen.
        new QueueSettings("cache", Concurrency: null, cache.Min, cache.Max, ScaleUpThreshold: shapes.Cache.ScaleUpThreshold,
            SoftTimeLimitSeconds: 270, HardTimeLimitSeconds: 300, maxTasksPerChild, MaxMemoryPerChildMi: 300,
            MemoryMi: 1024, CpuMillis: 500, TaskMeanSeconds: 3m, TaskP95Seconds: 10m,
            // Warm-up must finish before users arrive, not within seconds.
            WaitTargetSeconds: 900, PrefetchMultiplier: interactivePrefetch, CpuTargetPercent: shapes.Cache.CpuTargetPercent, PeakTasksPerMinute: cache.Peak,
            CpuMillisPerTask: QueueShapes.SqlCpuMillis, shapes.Cache.PollingIntervalSeconds, shapes.Cache.CooldownSeconds, shapes.Cache.ScaleDownWindowSeconds, shapes.Cache.ScaleDownPodsPerMinute),
    ];
}
