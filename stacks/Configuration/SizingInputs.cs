namespace Superset.Configuration;

/// <summary>The inputs of the worker formula (docs/sources/worker-sizing.md, steps 1 to 6).</summary>
/// <param name="PeakConcurrentUsers">Users making requests at the same moment at the busiest hour (step 2).</param>
/// <param name="P95LatencyMs">95th percentile request latency in milliseconds (step 3: size for p95, not the mean).</param>
/// <param name="CacheHitRate">Share of requests served from cache, 0 ≤ x &lt; 1 (step 6).</param>
/// <param name="SafetyMargin">Multiplier for variance, 1.2 to 1.5 in the article (step 4); 1.0 to 2.0 accepted.</param>
public sealed record SizingInputs(int PeakConcurrentUsers, int P95LatencyMs, decimal CacheHitRate, decimal SafetyMargin);
