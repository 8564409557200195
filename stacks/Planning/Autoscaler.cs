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

    /// <summary>Running tasks beside the queue (null: the queue alone).</summary>
    public BusySignal? Busy { get; init; }

    /// <summary>The working-hours floor (null: none).</summary>
    public Prewarm? Prewarm { get; init; }
}

/// <summary>
/// The busy signal beside the queue: the tasks the pool's workers run, read by KEDA's Prometheus
/// trigger from celery-exporter's series (engine keda with monitoring on; else null: the queue alone).
/// </summary>
/// <param name="PrometheusAddress">The Prometheus the trigger queries (the Prometheus Operator's governing Service in the monitoring namespace).</param>
/// <param name="Namespace">The stack's namespace: the celery-exporter whose series count (Prometheus labels its targets with their namespace).</param>
public sealed record BusySignal(string PrometheusAddress, string Namespace);

/// <summary>The cron trigger that raises a pool's floor before its working hours (KEDA's cron scaler).</summary>
/// <param name="Hours">The declared working hours and their floor.</param>
/// <param name="LeadMinutes">How long before the working hours the floor rises: enough for KEDA to see it and the pods to start.</param>
public sealed record Prewarm(WorkingHours Hours, int LeadMinutes)
{
    /// <summary>Minutes after midnight the floor rises.</summary>
    public int StartMinute => ((Hours.StartMinute - LeadMinutes) % 1440 + 1440) % 1440;
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
    public ScalingBehavior Behavior => ScalingBehavior.Careful(ScaleDown.WindowSeconds, ScaleDown.PodsPerMinute, ScaleUpWindowSeconds);

    /// <summary>The scale-up stabilization window, seconds (0: the current reading).</summary>
    public int ScaleUpWindowSeconds { get; init; } = AutoscalerPolicy.ScaleUpStabilizationSeconds;

    /// <summary>Whether the autoscaler reads CPU at all.</summary>
    public bool CpuMetric => CpuTargetPercent > 0;

    /// <summary>Running tasks beside the queue (null: the queue alone).</summary>
    public BusySignal? Busy { get; init; }

    /// <summary>The working-hours floor (null: none).</summary>
    public Prewarm? Prewarm { get; init; }
}
