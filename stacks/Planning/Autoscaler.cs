using Superset.Configuration;

namespace Superset.Planning;

/// <summary>How an HPA scales a Deployment: its bounds, its CPU target and its behavior.</summary>
/// <param name="Replicas">Fewest and most pods.</param>
/// <param name="CpuTargetPercent">CPU utilization target; 0: CPU is not a metric.</param>
/// <param name="Behavior">How fast it moves each way (rendered by the HPA, by KEDA and by the simulator).</param>
public sealed record Autoscaler(ReplicaBounds Replicas, int CpuTargetPercent, ScalingBehavior Behavior)
{
    /// <summary>Whether the autoscaler reads CPU at all.</summary>
    public bool CpuMetric => CpuTargetPercent > 0;
}

/// <summary>A worker pool's autoscaler: an <see cref="Autoscaler"/> that also reads the queue, and KEDA's timing.</summary>
/// <param name="Replicas">Fewest (0: scale to zero, KEDA) and most pods.</param>
/// <param name="ScaleUpThreshold">Queued tasks per pod the autoscaler keeps (an AverageValue target).</param>
/// <param name="CpuTargetPercent">CPU utilization target; 0 scales on the queue alone.</param>
/// <param name="ScaleDown">Its scale-down window and step (the rest of its behavior is <see cref="ScalingBehavior.Careful"/>).</param>
/// <param name="Keda">KEDA's polling interval and cooldown (engine keda).</param>
public sealed record PoolAutoscaler(ReplicaBounds Replicas, int ScaleUpThreshold, int CpuTargetPercent, ScaleDown ScaleDown, KedaTiming Keda)
{
    /// <summary>How fast it moves each way: the one value the HPA, KEDA and the simulator render.</summary>
    public ScalingBehavior Behavior => ScalingBehavior.Careful(ScaleDown.WindowSeconds, ScaleDown.PodsPerMinute);

    /// <summary>Whether the autoscaler reads CPU at all.</summary>
    public bool CpuMetric => CpuTargetPercent > 0;
}
