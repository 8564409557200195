using Superset.Catalog;

namespace Superset.Configuration.Tiers;

/// <summary>
/// The autoscaler shapes the tiers use (<see cref="TierCatalog"/>): the cheapest that
/// `simulate --frontier` found meeting each queue's wait target at p95 in the spike scenario with at
/// most 2 reversals, keeping the autoscaling article's scale-down (a 10-minute window, from its "Queue
/// Depth: The Primary Scaling Signal"; at most 5 pods a minute, the top of lesson 1's ±2–5 per step) on every pool. No shape keeps the CPU metric: in the spike every shape with
/// it costs more for the same wait, because CPU rises only after the queue has already asked for the
/// pods. The article's CPU target (70) and window stay settable per queue. The evidence behind each
/// tier's choice is in docs/decisions/0003-scale-to-zero.md and docs/autoscaling.md.
/// </summary>
public static class QueueShapes
{
    /// <summary>The autoscaling article's scale-down: a 10-minute window ("Queue Depth: The Primary Scaling Signal"), then at most 5 pods a minute (the top of lesson 1's ±2–5 per step; "a minute" is this program's period).</summary>
    public static ScaleDown CarefulScaleDown { get; } = new(WindowSeconds: 600, PodsPerMinute: 5);

    /// <summary>KEDA's own timing (<see cref="KedaDefaults"/>), for pools that never go to zero.</summary>
    public static KedaTiming KedaDefault { get; } = new(KedaDefaults.PollingIntervalSeconds, KedaDefaults.CooldownSeconds);

    /// <summary>
    /// A pool at zero: KEDA polls a minute apart and waits ten quiet minutes before zero, so a
    /// scheduled burst does not wake and drop it at every lull (the frontier's choice for reports
    /// and cache on medium and large).
    /// </summary>
    public static KedaTiming AtZero { get; } = new(PollingIntervalSeconds: 60, CooldownSeconds: 600);

    /// <summary>A pool kept above zero, scaling on its queue alone.</summary>
    public static AutoscalerShape Steady(int scaleUpThreshold) => new(scaleUpThreshold, CpuTargetPercent: 0, CarefulScaleDown, KedaDefault);

    /// <summary>A pool that may sleep at zero, scaling on its queue alone.</summary>
    public static AutoscalerShape Sleeping(int scaleUpThreshold) => new(scaleUpThreshold, CpuTargetPercent: 0, CarefulScaleDown, AtZero);
}
