namespace Superset.Configuration;

/// <summary>How one pool's autoscaler moves: what it scales on, how it scales down, KEDA's timing.</summary>
/// <param name="ScaleUpThreshold">Queued tasks per pod the autoscaler keeps.</param>
/// <param name="CpuTargetPercent">CPU utilization target; 0 scales on the queue alone.</param>
/// <param name="ScaleDown">The HPA's scale-down window and step.</param>
/// <param name="Keda">KEDA's polling interval and cooldown (waking from and returning to zero).</param>
public sealed record AutoscalerShape(int ScaleUpThreshold, int CpuTargetPercent, ScaleDown ScaleDown, KedaTiming Keda)
{
    /// <summary>
    /// The HPA's scale-up stabilization window, seconds: it adds pods only up to the lowest
    /// recommendation of the window, so a moment's noise in the metric adds none (0: the current
    /// reading, Kubernetes' default for scale-up).
    /// </summary>
    public int ScaleUpWindowSeconds { get; init; }

    /// <summary>When set, the pool's floor rises to its working-hours replicas shortly before its users start (KEDA's cron trigger).</summary>
    public WorkingHours? WorkingHours { get; init; }
}
