namespace Superset.Analysis.Simulation;

/// <summary>What the simulator needs of one pool's pods.</summary>
/// <param name="Concurrency">Children per pod: tasks one pod runs at once.</param>
/// <param name="GraceSeconds">How long a removed pod may finish its running tasks (terminationGracePeriodSeconds).</param>
/// <param name="PrefetchMultiplier">
/// Celery's <c>--prefetch-multiplier</c>: a worker holds up to concurrency × multiplier messages,
/// running and reserved (celery/celery celery/worker/consumer/consumer.py@v5.5.2: the initial
/// prefetch count is <c>num_processes × prefetch_multiplier</c>). With <c>acks_late</c> every one of them has left
/// the queue's Redis list for kombu's <c>unacked</c> hash (celery/kombu kombu/transport/redis.py@v5.5.3,
/// <c>QoS.append</c>) until its task ends, so the list (what KEDA's Redis trigger reads) does not count them.
/// </param>
public sealed record WorkerPods(int Concurrency, int GraceSeconds, int PrefetchMultiplier = 1)
{
    /// <summary>Messages one pod holds at most: running and reserved.</summary>
    public int Held => Concurrency * Math.Max(1, PrefetchMultiplier);
}
