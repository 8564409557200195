using Superset.Planning;

namespace Superset.Artifacts.Monitoring;

/// <summary>One pool's alert thresholds, from its plan.</summary>
/// <param name="Queue">Queue name (the exporter's <c>queue_name</c> label).</param>
/// <param name="Deployment">The pool's Deployment and HPA name.</param>
/// <param name="BacklogTasks">
/// Queue depth that even the full pool is not sized for: scaleUpThreshold × maxReplicas, the depth at
/// which the autoscaler has asked for every pod it may have.
/// </param>
/// <param name="MinReplicas">The pool's floor (below it: workers missing).</param>
/// <param name="MaxReplicas">The pool's ceiling.</param>
/// <param name="WaitTargetSeconds">Longest acceptable wait in the queue.</param>
/// <param name="ColdStartSeconds">A pool at zero's wake-up allowance: KEDA's polling interval + a pod's start.</param>
public sealed record QueueThresholds(string Queue, string Deployment, int BacklogTasks, int MinReplicas, int MaxReplicas, int WaitTargetSeconds, int ColdStartSeconds = 0);

/// <summary>
/// Every alert threshold of a stack, computed once from its plan; the alert rules and the
/// dashboards' threshold lines both read them, so the two never disagree.
/// </summary>
public sealed record AlertThresholds(
    string Namespace,
    IReadOnlyList<QueueThresholds> Queues,
    double CacheEvictionsPerSecond,
    double WebP95Seconds,
    bool Keda = false)
{
    /// <summary>Failed / (failed + succeeded) over 10 minutes (celery-exporter's mixin: 5 %).</summary>
    public const double TaskFailureRatio = 0.05;

    /// <summary>Broker memory against maxmemory: at 100 % a noeviction broker refuses new tasks.</summary>
    public const double BrokerMemoryRatio = 0.8;

    /// <summary>Database connections against max_connections (the budget itself stops at 70 %).</summary>
    public const double DatabaseConnectionRatio = 0.8;

    /// <summary>5xx responses at the ingress against all responses.</summary>
    public const double Web5xxRatio = 0.05;

    /// <summary>Working set against the memory limit: the kernel OOM-kills at 100 %.</summary>
    public const double MemoryNearLimitRatio = 0.9;

    /// <summary>
    /// Changes of an HPA's desired replicas in 30 minutes that count as thrashing: with the
    /// 10-minute scale-down window a healthy pool changes direction at most a few times in that span.
    /// </summary>
    public const int ThrashChanges = 6;

    /// <summary>The thresholds for a plan.</summary>
    public static AlertThresholds For(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new AlertThresholds(
            plan.Namespace,
            plan.Queues.Select(q => new QueueThresholds(q.Name, $"superset-worker-{q.Name}", q.Autoscaler.ScaleUpThreshold * q.Replicas.Max, q.Replicas.Min, q.Replicas.Max, q.WaitTargetSeconds,
                ColdStartSeconds: q.Autoscaler.Keda.PollingIntervalSeconds + AutoscalerPolicy.PodStartSeconds)).ToList(),
            // Assumption: a cache evicting more than one key per second for every 50 peak users
            // (1/s small, 10/s medium, 100/s large) is too small for its working set.
            CacheEvictionsPerSecond: Math.Max(1, plan.Sizing.PeakConcurrentUsers / 50),
            // The p95 the web tier was sized for (docs/sources/worker-sizing.md, step 3): slower means fewer requests per worker.
            WebP95Seconds: plan.Sizing.P95LatencyMs / 1000.0,
            Keda: plan.Keda);
    }
}
