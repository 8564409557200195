namespace Superset.Configuration.Tiers;

/// <summary>
/// Each queue's default autoscaling shape per tier: the cheapest that `simulate --frontier` finds
/// meeting the queue's wait target at p95 in the spike scenario (seed 1) with at most 2 reversals,
/// with the tier's minReplicas (0 for reports and cache on medium and large) and seed 000's
/// scale-down behavior (10-minute window, at most 5 pods a minute: lesson 1, kept so every pool
/// sheds pods the same careful way), under KEDA. Without that constraint the frontier finds two
/// cheaper shapes, both with a 60 s window: small exports 68.6 pod-minutes instead of 89.1 (p95
/// 102 s, 2 reversals) and large reports 64.9 instead of 73.5 (p95 564 s, 2 reversals); the
/// settings allow them (<c>queues.&lt;name&gt;.scaleDownWindowSeconds</c>). The figures
/// beside each are that run's pod-minutes (oracle in brackets), p95 wait and reversals; the stack's
/// own frontier reproduces them (tests pin the totals). No shape keeps the CPU metric: in the
/// spike every shape with it costs more for the same wait, because CPU (cpuMillisPerTask) rises only
/// after the queue has already asked for the pods. Seed 000's CPU target (70) and 10-minute window
/// stay available per queue (<c>queues.&lt;name&gt;.cpuTargetPercent</c>, <c>.scaleDownWindowSeconds</c>).
/// <para>
/// CPU per running task (the simulator's CPU model) comes from seed 001's production benchmarks
/// ("Baseline Benchmarks from Production Deployments": one worker per core on 4-core nodes; worker CPU
/// 35 % for small queries under a second, 65 % for medium ones of 5–30 s, 85 % for large ones; "the
/// bottleneck is database execution, not the queue"): <see cref="SqlCpuMillis"/> for interactive SQL
/// and cache warm-up, <see cref="ReportCpuMillis"/> for reports (a query and a render),
/// <see cref="RenderCpuMillis"/> for exports (a headless browser).
/// </para>
/// </summary>
public static class QueueShapes
{
    /// <summary>KEDA's default pollingInterval (apis/keda/v1alpha1/withtriggers_types.go@v2.20.2, defaultPollingInterval = 30).</summary>
    public const int KedaPollingInterval = 30;

    /// <summary>KEDA's default cooldownPeriod (pkg/scaling/executor/scale_executor.go@v2.20.2, defaultCooldownPeriod = 5 × 60).</summary>
    public const int KedaCooldown = 300;

    /// <summary>Seed 001's small queries: 0.35 of a core per running task.</summary>
    public const int SqlCpuMillis = 350;

    /// <summary>Seed 001's medium queries: 0.65 of a core.</summary>
    public const int ReportCpuMillis = 650;

    /// <summary>Seed 001's large queries: 0.85 of a core.</summary>
    public const int RenderCpuMillis = 850;

    /// <summary>
    /// Small (oracle 301.7 pod-minutes in all, these 329.1: 1.09×). default 120 (120) p95 5 s, 0
    /// reversals; exports 89.1 (61.7) p95 53 s, 1; reports 60 (60) p95 64 s, 0; cache 60 (60) p95 31 s, 0.
    /// </summary>
    public static TierShapes Small { get; } = new(
        Default: new(ScaleUpThreshold: 30, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5),
        Exports: new(ScaleUpThreshold: 6, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5),
        Reports: new(ScaleUpThreshold: 20, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5),
        Cache: new(ScaleUpThreshold: 60, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5));

    /// <summary>
    /// Medium (oracle 315.7, these 449.4: 1.42×). default 248.9 (194.3) p95 23 s, 1 reversal; exports
    /// 86.5 (68.3) p95 107 s, 1; reports at zero 57 (32.5) p95 471 s, 1; cache at zero 57 (20.6) p95 95 s, 2.
    /// </summary>
    public static TierShapes Medium { get; } = new(
        Default: new(ScaleUpThreshold: 45, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5),
        Exports: new(ScaleUpThreshold: 12, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5),
        Reports: new(ScaleUpThreshold: 60, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5, PollingIntervalSeconds: 60, CooldownSeconds: 600),
        Cache: new(ScaleUpThreshold: 150, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5, PollingIntervalSeconds: 60, CooldownSeconds: 600));

    /// <summary>
    /// Large (oracle 611.7, these 897.6: 1.47×). default 598.9 (388.4) p95 25 s, 1 reversal; exports
    /// 167.2 (144.1) p95 95 s, 0; reports at zero 73.5 (41.1) p95 459 s, 1; cache at zero 58 (38.1) p95 837 s, 1.
    /// </summary>
    public static TierShapes Large { get; } = new(
        Default: new(ScaleUpThreshold: 15, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5),
        Exports: new(ScaleUpThreshold: 12, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5),
        Reports: new(ScaleUpThreshold: 80, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5, PollingIntervalSeconds: 60, CooldownSeconds: 600),
        Cache: new(ScaleUpThreshold: 600, CpuTargetPercent: 0, ScaleDownWindowSeconds: 600, ScaleDownPodsPerMinute: 5, PollingIntervalSeconds: 60, CooldownSeconds: 600));
}
