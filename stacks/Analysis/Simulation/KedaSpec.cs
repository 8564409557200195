namespace Superset.Analysis.Simulation;

/// <summary>
/// What KEDA adds around the HPA it creates for a ScaledObject (kedacore/keda
/// pkg/scaling/executor/scale_scaledobjects.go@v2.20.2, RequestScale): every
/// <paramref name="PollingIntervalSeconds"/> it reads the triggers; active (the metric above
/// <paramref name="ActivationQueueLength"/>) at zero replicas, it sets max(minReplicaCount, 1)
/// (scaleFromZeroOrIdle); inactive with minReplicaCount 0 and <paramref name="CooldownSeconds"/>
/// past the last active poll, it sets zero (scaleToZeroOrIdle). Between one and the maximum the HPA
/// scales, on the composite metric KEDA's metrics server computes at each of its syncs: the queue's
/// lists read from the broker (no scrape, no adapter), with <see cref="RunningTasks"/> the tasks the
/// pool's workers run (celery-exporter through Prometheus), and with <see cref="Prewarm"/> a floor
/// during working hours (the cron trigger).
/// </summary>
/// <param name="MinReplicaCount">The ScaledObject's minReplicaCount (0: scale to zero).</param>
/// <param name="PollingIntervalSeconds">pollingInterval (KEDA's default 30 s, apis/keda/v1alpha1/withtriggers_types.go@v2.20.2).</param>
/// <param name="CooldownSeconds">cooldownPeriod (KEDA's default 300 s, pkg/scaling/executor/scale_executor.go@v2.20.2).</param>
/// <param name="FallbackReplicas">fallback.replicas: held while the broker cannot be read.</param>
/// <param name="FailureThreshold">fallback.failureThreshold: failed reads before the fallback applies (pkg/fallback/fallback.go@v2.20.2: more than this many).</param>
/// <param name="ActivationQueueLength">activationTarget: active when the composite metric is above it (pkg/scaling/scale_handler.go@v2.20.2, getScaledObjectState: value &gt; activationValue).</param>
public sealed record KedaSpec(int MinReplicaCount, int PollingIntervalSeconds, int CooldownSeconds, int FallbackReplicas, int FailureThreshold = 3, int ActivationQueueLength = 0)
{
    /// <summary>Seconds during which the broker cannot be read (an outage drill); none by default.</summary>
    public Func<double, bool> BrokerUnreadable { get; init; } = _ => false;

    /// <summary>Whether the metric adds the tasks running on the pool's workers to the waiting ones (the busy signal).</summary>
    public bool RunningTasks { get; init; }

    /// <summary>The cron trigger's floor during working hours, if any.</summary>
    public PrewarmWindow? Prewarm { get; init; }

    /// <summary>The HPA KEDA creates never goes below one replica (GetHPAMinReplicas: minReplicaCount if above 0, else 1; apis/keda/v1alpha1/scaledobject_types.go@v2.20.2).</summary>
    public int HpaMinReplicas => Math.Max(MinReplicaCount, 1);
}

/// <summary>
/// KEDA's cron trigger as the simulator runs it: <paramref name="Replicas"/> from
/// <paramref name="StartSecond"/> to <paramref name="EndSecond"/> of every simulated day, else 0
/// (kedacore/keda pkg/scalers/cron_scaler.go@v2.20.2, GetMetricsAndActivity: desiredReplicas inside the
/// interval, 0 outside, active inside; its target is 1, so the HPA asks for desiredReplicas pods).
/// </summary>
/// <param name="StartSecond">Seconds after midnight the floor rises (the working hours' start less the lead).</param>
/// <param name="EndSecond">Seconds after midnight it falls.</param>
/// <param name="Replicas">The floor.</param>
public sealed record PrewarmWindow(int StartSecond, int EndSecond, int Replicas)
{
    /// <summary>The floor at time <paramref name="t"/> (seconds from the scenario's midnight).</summary>
    public int At(double t)
    {
        var s = t % 86_400;
        return (StartSecond <= EndSecond ? s >= StartSecond && s < EndSecond : s >= StartSecond || s < EndSecond) ? Replicas : 0;
    }
}
