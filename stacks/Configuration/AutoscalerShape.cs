namespace Superset.Configuration;

/// <summary>How one pool's autoscaler moves: what it scales on, how it scales down, KEDA's timing.</summary>
/// <param name="ScaleUpThreshold">Queued tasks per pod the autoscaler keeps.</param>
/// <param name="CpuTargetPercent">CPU utilization target; 0 scales on the queue alone.</param>
/// <param name="ScaleDown">The HPA's scale-down window and step.</param>
/// <param name="Keda">KEDA's polling interval and cooldown (waking from and returning to zero).</param>
public sealed record AutoscalerShape(int ScaleUpThreshold, int CpuTargetPercent, ScaleDown ScaleDown, KedaTiming Keda)
{
    /// <summary>When set, the pool's floor rises to its working-hours replicas shortly before its users start (KEDA's cron trigger).</summary>
    public WorkingHours? WorkingHours { get; init; }
}
