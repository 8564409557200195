using Superset.Configuration;

namespace Superset.Planning.Sizing;

/// <summary>
/// The sizing article's worker formula (docs/sources/worker-sizing.md), steps 4 and 6 together:
/// <c>ceil(peakConcurrentUsers × p95LatencyMs / 1000 × (1 − cacheHitRate) × safetyMargin)</c>.
/// A "worker" here is one request in flight: a gunicorn thread, not a process.
/// </summary>
public static class WorkerFormula
{
    /// <summary>
    /// Computed in <see cref="decimal"/> so the article's worked examples (104, 26, 24) come out exactly
    /// (in binary floating point 500 × 0.8 × 0.3 × 1.3 is 156.00000000000003, whose ceiling is 157).
    /// </summary>
    public static int RequiredWorkers(SizingInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var workers = inputs.PeakConcurrentUsers * (inputs.P95LatencyMs / 1000m)
            * (1m - inputs.CacheHitRate) * inputs.SafetyMargin;
        return (int)Math.Max(1m, decimal.Ceiling(workers));
    }
}
