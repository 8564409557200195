namespace Superset.Configuration.Keys;

/// <summary><c>superset:sizing</c>: the worker formula's inputs (docs/sources/worker-sizing.md).</summary>
public static class SizingKeys
{
    /// <summary>The object.</summary>
    public static readonly ConfigKey Object = Define.Object("sizing", "Worker-formula inputs overriding the tier.");

    /// <summary><c>sizing.peakConcurrentUsers</c>.</summary>
    public static readonly ConfigKey PeakConcurrentUsers = Define.Int("sizing.peakConcurrentUsers", 1, 1_000_000,
        "Users making requests at the same moment at the busiest hour.", s => s.Sizing.PeakConcurrentUsers, " (users making requests at the same moment at peak)");

    /// <summary><c>sizing.p95LatencyMs</c>.</summary>
    public static readonly ConfigKey P95LatencyMs = Define.Int("sizing.p95LatencyMs", 1, 600_000,
        "95th percentile request latency, ms.", s => s.Sizing.P95LatencyMs, " (95th percentile request latency in ms)");

    /// <summary><c>sizing.cacheHitRate</c>.</summary>
    public static readonly ConfigKey CacheHitRate = Define.Number("sizing.cacheHitRate", 0m, 1m,
        "Share of requests served from cache.", s => s.Sizing.CacheHitRate, " (share of requests served from cache)", maxExclusive: true);

    /// <summary><c>sizing.safetyMargin</c>.</summary>
    public static readonly ConfigKey SafetyMargin = Define.Number("sizing.safetyMargin", 1.0m, 2.0m,
        "Multiplier for variance (the sizing article uses 1.2 to 1.5).", s => s.Sizing.SafetyMargin, " (the sizing article uses 1.2 to 1.5)");
}
