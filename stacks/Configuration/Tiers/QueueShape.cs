namespace Superset.Configuration.Tiers;

/// <summary>
/// How one queue's pool is autoscaled by default in one tier: the queue target, the CPU target,
/// the HPA's scale-down behavior and KEDA's timing (QueueShapes: the frontier's evidence).
/// </summary>
/// <param name="ScaleUpThreshold">Queued tasks per pod the autoscaler keeps.</param>
/// <param name="CpuTargetPercent">CPU utilization target; 0 scales on the queue alone.</param>
/// <param name="ScaleDownWindowSeconds">HPA scale-down stabilization window.</param>
/// <param name="ScaleDownPodsPerMinute">HPA scale-down step.</param>
/// <param name="PollingIntervalSeconds">KEDA pollingInterval.</param>
/// <param name="CooldownSeconds">KEDA cooldownPeriod.</param>
public sealed record QueueShape(int ScaleUpThreshold, int CpuTargetPercent, int ScaleDownWindowSeconds, int ScaleDownPodsPerMinute,
    int PollingIntervalSeconds = QueueShapes.KedaPollingInterval, int CooldownSeconds = QueueShapes.KedaCooldown);

/// <summary>The four queues' shapes of one tier.</summary>
public sealed record TierShapes(QueueShape Default, QueueShape Exports, QueueShape Reports, QueueShape Cache);
