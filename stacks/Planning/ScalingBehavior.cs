namespace Superset.Planning;

/// <summary>One rate limit of an HPA's behavior (autoscaling/v2 HPAScalingPolicy).</summary>
/// <param name="Percent">True for a <c>Percent</c> policy, false for <c>Pods</c>.</param>
/// <param name="Value">Pods, or percent of the replicas at the start of the period.</param>
/// <param name="PeriodSeconds">The window the limit applies to.</param>
public sealed record ScalingPolicy(bool Percent, int Value, int PeriodSeconds);

/// <summary>One direction of an HPA's behavior (autoscaling/v2 HPAScalingRules).</summary>
/// <param name="StabilizationSeconds">Window of past recommendations the HPA takes the extreme of.</param>
/// <param name="Policies">Rate limits.</param>
/// <param name="SelectMax">True: the most permissive policy applies (<c>Max</c>); false: the least (<c>Min</c>).</param>
public sealed record ScalingRules(int StabilizationSeconds, IReadOnlyList<ScalingPolicy> Policies, bool SelectMax);

/// <summary>
/// How an autoscaler moves, up and down: one value, rendered by the HPA component, by KEDA's
/// ScaledObject and by the simulator, so the three cannot disagree.
/// </summary>
/// <param name="Up">Scale-up rules.</param>
/// <param name="Down">Scale-down rules.</param>
public sealed record ScalingBehavior(ScalingRules Up, ScalingRules Down)
{
    /// <summary>
    /// Kubernetes' default behavior (HPA docs, "Default Behavior"): up at once by max(100 %, 4 pods)
    /// every 15 s; down after a 300 s window by up to 100 % every 15 s. What an HPA without a
    /// behavior does: the autoscaling article's HPA.
    /// </summary>
    public static ScalingBehavior KubernetesDefault { get; } = new(
        Up: new(0, [new(Percent: true, 100, 15), new(Percent: false, 4, 15)], SelectMax: true),
        Down: new(300, [new(Percent: true, 100, 15)], SelectMax: true));

    /// <summary>
    /// This program's: up by <see cref="AutoscalerPolicy.ScaleUpPods"/> a minute on the lowest
    /// reading of <paramref name="upWindowSeconds"/> (by default none: the current reading); down after
    /// <paramref name="downWindowSeconds"/> by at most <paramref name="downPodsPerMinute"/> a minute.
    /// </summary>
    public static ScalingBehavior Careful(int downWindowSeconds, int downPodsPerMinute, int upWindowSeconds = AutoscalerPolicy.ScaleUpStabilizationSeconds) => new(
        Up: new(upWindowSeconds, [new(Percent: false, AutoscalerPolicy.ScaleUpPods, AutoscalerPolicy.PeriodSeconds)], SelectMax: true),
        Down: new(downWindowSeconds, [new(Percent: false, downPodsPerMinute, AutoscalerPolicy.PeriodSeconds)], SelectMax: false));
}
