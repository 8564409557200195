namespace Superset.Analysis.Simulation;

/// <summary>The state of one <see cref="PoolSimulator.Run"/>, one method per thing that happens in a second.</summary>
internal sealed partial class PoolRunner
{
    private sealed class Pod
    {
        public double ReadyAt;
        public double RemovedAt = double.NaN;
        public readonly List<double> Running = [];
        public readonly Queue<TaskArrival> Reserved = new(); // prefetched, not started: out of the lists
        public readonly List<double> Freed = [];

        public int Held => Running.Count + Reserved.Count;
    }

    private readonly IReadOnlyList<TaskArrival> arrivals;
    private readonly WorkerPods workers;
    private readonly ClusterTiming timing;
    private readonly KedaSpec? keda;
    private readonly List<Pod> pods = [];
    private readonly Queue<TaskArrival> queue = new();
    private readonly Stack<TaskArrival> restored = new(); // RPUSHed back: the next BRPOP takes them
    private readonly List<double> waits;
    private readonly List<(int Lists, int Running)> history = [];
    private readonly List<(double, int, int, int)> series = [];
    private readonly List<Pod> taking = [];
    private int next;
    private int maxDepth;
    private double podSeconds;
    private int scaleEvents;
    private int reversals;
    private int cut;
    private (double Time, int Direction) lastChange = (double.NegativeInfinity, 0);
    private int minuteArrivals;
    private double lastActive = double.NegativeInfinity; // KEDA's status.lastActiveTime: none yet
    private int failures;
    private int running;
    private int active; // pods not removed

    public PoolRunner(IReadOnlyList<TaskArrival> arrivals, WorkerPods workers, ClusterTiming timing, KedaSpec? keda, int initialReplicas)
    {
        (this.arrivals, this.workers, this.timing, this.keda) = (arrivals, workers, timing, keda);
        waits = new List<double>(arrivals.Count);
        for (var i = 0; i < initialReplicas; i++)
        {
            pods.Add(new Pod { ReadyAt = 0 });
        }

        active = initialReplicas;
    }

    private int Active => active;

    /// <summary>What KEDA's Redis triggers read: LLEN summed over the queue's lists.</summary>
    private int Lists => queue.Count + restored.Count;

    private bool Readable(int t) => keda is null || !keda.BrokerUnreadable(t);

    /// <summary>The arrivals of second <paramref name="t"/> join the queue.</summary>
    public void Arrive(int t)
    {
        while (next < arrivals.Count && arrivals[next].Time < t + 1)
        {
            queue.Enqueue(arrivals[next++]);
            minuteArrivals++;
        }
    }

    /// <summary>
    /// Completions, exits of removed pods, then each ready pod fetches what its prefetch allows
    /// (one message at a time in turn, as the consumers' BRPOPs are served) and starts what its
    /// free children can run, in the order it fetched them.
    /// </summary>
    public void Serve(int t)
    {
        running = 0;
        taking.Clear();
        for (var i = pods.Count - 1; i >= 0; i--)
        {
            var pod = pods[i];
            Complete(pod, t);
            if (!double.IsNaN(pod.RemovedAt))
            {
                if (pod.Running.Count == 0 || t - pod.RemovedAt >= workers.GraceSeconds)
                {
                    cut += pod.Running.Count;
                    pods.RemoveAt(i);
                }

                continue;
            }

            if (pod.ReadyAt <= t)
            {
                taking.Add(pod);
            }
        }

        Fetch();
        foreach (var pod in taking)
        {
            Start(pod, t);
            running += pod.Running.Count;
        }

        maxDepth = Math.Max(maxDepth, Lists);
        podSeconds += pods.Count;
        if (t % timing.ScrapeSeconds == 0)
        {
            history.Add((Lists, running));
        }
    }

    /// <summary>KEDA's scale loop (RequestScale) at its polls: activation from zero, deactivation after the cooldown.</summary>
    public void PollKeda(int t)
    {
        if (keda is null || t % keda.PollingIntervalSeconds != 0)
        {
            return;
        }

        var readable = Readable(t);
        failures = readable ? 0 : failures + 1;
        var current = Active;
        if (readable && Composite(t, target: 1) > keda.ActivationQueueLength)
        {
            lastActive = t;
            if (current == 0)
            {
                Change(t, 0, keda.HpaMinReplicas);
            }
        }
        else if (readable && current > 0 && keda.MinReplicaCount == 0 && t - lastActive >= keda.CooldownSeconds)
        {
            Change(t, current, 0);
        }
    }

    /// <summary>
    /// KEDA's composite metric at <paramref name="t"/>: the lists read live; the running tasks as
    /// Prometheus last scraped them from celery-exporter (a scrape interval old); the cron floor as
    /// replicas × the target (the formula's <c>max</c>).
    /// </summary>
    private double Composite(int t, double target)
    {
        double value = Lists;
        if (keda!.RunningTasks && t >= timing.ScrapeSeconds)
        {
            value += history[(t - timing.ScrapeSeconds) / timing.ScrapeSeconds].Running;
        }

        return keda.Prewarm is { } prewarm ? Math.Max(value, prewarm.At(t) * target) : value;
    }

    /// <summary>One sync of the HPA, on the metric it would read at <paramref name="t"/>.</summary>
    public void SyncHpa(int t, HpaController hpa)
    {
        var current = Active;
        double metric;
        if (keda is null)
        {
            // celery-exporter's LLEN through Prometheus and prometheus-adapter: the newest scrape at
            // least MetricLagSeconds old (scrapes are at multiples of ScrapeSeconds).
            metric = t >= timing.MetricLagSeconds ? history[(t - timing.MetricLagSeconds) / timing.ScrapeSeconds].Lists : 0;
        }
        else
        {
            // Past the failure threshold, the fallback's replicas (KEDA serves fallback.replicas ×
            // the target, pkg/fallback/fallback.go@v2.20.2). The HPA's requests count failures too
            // (GetMetricsWithFallback runs on both paths).
            var readable = Readable(t);
            failures = readable ? 0 : failures + 1;
            metric = readable ? Composite(t, hpa.QueueTarget) : failures > keda.FailureThreshold ? keda.FallbackReplicas * hpa.QueueTarget : 0;
        }

        // An HPA does not scale a target at zero replicas (KEDA wakes it).
        if (keda is null || current > 0)
        {
            var desired = hpa.Sync(t, current, metric);
            if (desired != current)
            {
                Change(t, current, desired);
            }
        }
    }

    /// <summary>
    /// A scripted schedule (the oracle's): the pods that exist at <paramref name="t"/>, <paramref name="want"/>
    /// as <see cref="Want"/> reads it from the schedule.
    /// </summary>
    public void Script(int t, int want)
    {
        var current = Active;
        if (want != current)
        {
            Change(t, current, want);
        }
    }

    /// <summary>
    /// The pods a script of <paramref name="pods"/>[k] pods ready through slot k wants at
    /// <paramref name="t"/>: a slot's new pods are started <see cref="ClusterTiming.StartupSeconds"/>
    /// before it, so the pods that exist are the most any slot from now until a start ahead needs.
    /// </summary>
    public static int Want(int t, IReadOnlyList<int> pods, int slotSeconds, int startupSeconds)
    {
        var want = 0;
        for (var k = t / slotSeconds; k < pods.Count && k * slotSeconds <= t + startupSeconds; k++)
        {
            want = Math.Max(want, pods[k]);
        }

        return want;
    }

    /// <summary>Pod-seconds paid so far.</summary>
    public double PodSeconds => podSeconds;

    /// <summary>The per-minute sample of the series.</summary>
    public void Sample(int t)
    {
        if (t % 60 == 59)
        {
            series.Add((t + 1, minuteArrivals, Lists, Active));
            minuteArrivals = 0;
        }
    }

    /// <summary>The run's outcome; tasks still queued or reserved count with the wait they had so far (censored, never dropped).</summary>
    public PoolRun Finish(int durationSeconds)
    {
        var waiting = queue.Concat(restored).Concat(pods.SelectMany(p => p.Reserved)).ToList();
        var unserved = waiting.Count + pods.Sum(p => p.Running.Count) + (arrivals.Count - next);
        foreach (var task in waiting)
        {
            waits.Add(durationSeconds - task.Time);
        }

        return new PoolRun(waits, maxDepth, podSeconds / 60.0, scaleEvents, reversals, cut, unserved, series);
    }

    private void Change(int t, int current, int desired)
    {
        var direction = Math.Sign(desired - current);
        scaleEvents++;
        if (lastChange.Direction != 0 && direction != lastChange.Direction && t - lastChange.Time < 600)
        {
            reversals++;
        }

        lastChange = (t, direction);
        Resize(desired - current, t);
    }

    /// <summary>
    /// Adds pods that serve after the startup delay, or removes the pods that cost least: not yet
    /// ready first, then the least busy (the ReplicaSet controller prefers unready and newer pods).
    /// A removed pod stops fetching (preStop's cancel_consumer) and its reserved messages go back to
    /// the list at its consuming end when its connection closes (kombu's QoS.restore_unacked,
    /// restore_by_tag with leftmost=False: RPUSH, celery/kombu kombu/transport/redis.py@v5.5.3).
    /// </summary>
    private void Resize(int change, double t)
    {
        for (var i = 0; i < change; i++)
        {
            pods.Add(new Pod { ReadyAt = t + timing.StartupSeconds });
            active++;
        }

        if (change >= 0)
        {
            return;
        }

        var victims = pods.Where(p => double.IsNaN(p.RemovedAt))
            .OrderByDescending(p => p.ReadyAt > t)
            .ThenBy(p => p.Held)
            .Take(-change)
            .ToList();
        foreach (var pod in victims)
        {
            pod.RemovedAt = t;
            active--;
            while (pod.Reserved.Count > 0)
            {
                restored.Push(pod.Reserved.Dequeue());
            }
        }
    }
}
