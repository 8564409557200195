namespace Superset.Analysis.Simulation;

/// <summary>
/// What KEDA adds around the HPA it creates for a ScaledObject (kedacore/keda
/// pkg/scaling/executor/scale_scaledobjects.go@v2.20.2, RequestScale): every
/// <paramref name="PollingIntervalSeconds"/> it reads the triggers; active (the queue above
/// <paramref name="ActivationQueueLength"/>) at zero replicas, it sets max(minReplicaCount, 1)
/// (scaleFromZeroOrIdle); inactive with minReplicaCount 0 and <paramref name="CooldownSeconds"/>
/// past the last active poll, it sets zero (scaleToZeroOrIdle). Between one and the maximum the HPA
/// scales, on the queue read from the broker at each of its syncs (no scrape, no adapter).
/// </summary>
/// <param name="MinReplicaCount">The ScaledObject's minReplicaCount (0: scale to zero).</param>
/// <param name="PollingIntervalSeconds">pollingInterval (KEDA's default 30 s, apis/keda/v1alpha1/withtriggers_types.go@v2.20.2).</param>
/// <param name="CooldownSeconds">cooldownPeriod (KEDA's default 300 s, pkg/scaling/executor/scale_executor.go@v2.20.2).</param>
/// <param name="FallbackReplicas">fallback.replicas: held while the broker cannot be read.</param>
/// <param name="FailureThreshold">fallback.failureThreshold: failed reads before the fallback applies (pkg/fallback/fallback.go@v2.20.2: more than this many).</param>
/// <param name="ActivationQueueLength">activationListLength / activationTarget: active when the queue is above it (pkg/scalers/redis_scaler.go@v2.20.2: listLen &gt; activation).</param>
public sealed record KedaSpec(int MinReplicaCount, int PollingIntervalSeconds, int CooldownSeconds, int FallbackReplicas, int FailureThreshold = 3, int ActivationQueueLength = 0)
{
    /// <summary>Seconds during which the broker cannot be read (an outage drill); none by default.</summary>
    public Func<double, bool> BrokerUnreadable { get; init; } = _ => false;

    /// <summary>The HPA KEDA creates never goes below one replica (GetHPAMinReplicas: minReplicaCount if above 0, else 1; apis/keda/v1alpha1/scaledobject_types.go@v2.20.2).</summary>
    public int HpaMinReplicas => Math.Max(MinReplicaCount, 1);
}
