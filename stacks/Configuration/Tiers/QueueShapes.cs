using Superset.Catalog;

namespace Superset.Configuration.Tiers;

/// <summary>
/// The autoscaler shapes the tiers use (<see cref="TierCatalog"/>): for each tier and queue, the
/// cheapest that `simulate --frontier --seeds 1-20` found holding across twenty days of every scenario
/// (docs/decisions/0006-autoscaling-across-days.md): the p95 wait within target on at least 95 % of
/// the spike and business-day runs, the median day within 2 reversals in the spike hour and 12 over a
/// business day. The search moves the target with the scale-down window, the scale-up window, the
/// scale-down step and KEDA's floor and timing; the article's step (at most 5 pods a minute, the top
/// of lesson 1's ±2–5) and a window of 10 minutes or more ("Queue Depth: The Primary Scaling Signal")
/// are what it kept on most pools. No shape keeps the CPU metric: the simulator has no CPU model, and
/// CPU rises only after the queue has already asked for the pods. The article's CPU target (70) stays
/// settable per queue. The evidence is in docs/autoscaling.md ("The tier shapes").
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

    /// <summary>
    /// A pool kept above zero: its target, scale-down window and scale-up window (the lowest
    /// recommendation of that many seconds; 0: the current reading), KEDA's own timing.
    /// </summary>
    public static AutoscalerShape Steady(int scaleUpThreshold, int downWindowSeconds, int upWindowSeconds = 0) =>
        new(scaleUpThreshold, CpuTargetPercent: 0, CarefulScaleDown with { WindowSeconds = downWindowSeconds }, KedaDefault) { ScaleUpWindowSeconds = upWindowSeconds };

    /// <summary>A pool that may sleep at zero: as <see cref="Steady"/>, with KEDA's polling and cooldown.</summary>
    public static AutoscalerShape Sleeping(int scaleUpThreshold, KedaTiming keda, int downWindowSeconds = 600, int upWindowSeconds = 0) =>
        new(scaleUpThreshold, CpuTargetPercent: 0, CarefulScaleDown with { WindowSeconds = downWindowSeconds }, keda) { ScaleUpWindowSeconds = upWindowSeconds };
}
