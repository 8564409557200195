namespace Superset.Analysis.Simulation;

/// <summary>The state of one <see cref="PoolSimulator.Run"/>, one method per thing that happens in a second.</summary>
internal sealed class PoolRunner
{
    private sealed class Pod
    {
        public double ReadyAt;
        public double RemovedAt = double.NaN;
        public readonly List<double> Running = [];
    }

    private readonly IReadOnlyList<TaskArrival> arrivals;
    private readonly WorkerPods workers;
    private readonly ClusterTiming timing;
    private readonly KedaSpec? keda;
    private readonly List<Pod> pods = [];
    private readonly Queue<TaskArrival> queue = new();
    private readonly List<double> waits;
    private readonly List<(double Time, double Depth, double Cpu)> history = [];
    private readonly List<(double, int, int, int)> series = [];
    private readonly List<double> freed = [];
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
    private int busy;
    private int slots;

    public PoolRunner(IReadOnlyList<TaskArrival> arrivals, WorkerPods workers, ClusterTiming timing, KedaSpec? keda, int initialReplicas)
    {
        (this.arrivals, this.workers, this.timing, this.keda) = (arrivals, workers, timing, keda);
        waits = new List<double>(arrivals.Count);
        for (var i = 0; i < initialReplicas; i++)
        {
            pods.Add(new Pod { ReadyAt = 0 });
        }
    }

    private int Active => pods.Count(p => double.IsNaN(p.RemovedAt));

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

    /// <summary>Completions, exits of removed pods, dispatch in FIFO order to ready pods with a free slot.</summary>
    public void Serve(int t)
    {
        busy = 0;
        slots = 0;
        for (var i = pods.Count - 1; i >= 0; i--)
        {
            var pod = pods[i];
            // Tasks that ended free their slots (in place, in order: no closure per pod and second).
            freed.Clear();
            var kept = 0;
            for (var k = 0; k < pod.Running.Count; k++)
            {
                var end = pod.Running[k];
                if (end <= t)
                {
                    freed.Add(end);
                }
                else
                {
                    pod.Running[kept++] = end;
                }
            }

            pod.Running.RemoveRange(kept, pod.Running.Count - kept);
            if (!double.IsNaN(pod.RemovedAt))
            {
                if (pod.Running.Count == 0 || t - pod.RemovedAt >= workers.GraceSeconds)
                {
                    cut += pod.Running.Count;
                    pods.RemoveAt(i);
                }

                continue;
            }

            if (pod.ReadyAt > t)
            {
                continue;
            }

            Dispatch(pod, t);
            busy += pod.Running.Count;
            slots += workers.Concurrency;
        }

        maxDepth = Math.Max(maxDepth, queue.Count);
        podSeconds += pods.Count;
        if (t % timing.ScrapeSeconds == 0)
        {
            // Mean CPU of the ready pods against their request: each running task keeps cpuPerBusySlot of a pod busy.
            history.Add((t, queue.Count, slots == 0 ? 0 : busy * workers.CpuPerBusySlot / (slots / (double)workers.Concurrency)));
        }
    }

    /// <summary>
    /// A slot freed during the last second takes its next task at the moment it freed, not at the
    /// tick: the model stays exact for queueing, whatever the step.
    /// </summary>
    private void Dispatch(Pod pod, int t)
    {
        freed.Sort();
        var f = 0;
        while (pod.Running.Count < workers.Concurrency && queue.Count > 0)
        {
            var task = queue.Dequeue();
            var idleSlots = workers.Concurrency - pod.Running.Count - (freed.Count - f);
            var freeAt = idleSlots > 0 ? Math.Max(pod.ReadyAt, t - 1) : freed[f++];
            var start = Math.Max(task.Time, freeAt);
            waits.Add(start - task.Time);
            pod.Running.Add(start + task.ServiceSeconds);
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
        if (readable && queue.Count > keda.ActivationQueueLength)
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

    /// <summary>One sync of the HPA, on the metrics it would read at <paramref name="t"/>.</summary>
    public void SyncHpa(int t, HpaController hpa)
    {
        var current = Active;
        double depth, cpu;
        if (keda is null)
        {
            // The newest scrape at least MetricLagSeconds old: scrapes are at multiples of ScrapeSeconds.
            var scrape = (t - timing.MetricLagSeconds) / timing.ScrapeSeconds;
            (_, depth, cpu) = t >= timing.MetricLagSeconds ? history[scrape] : default;
        }
        else
        {
            // The queue from the broker now; past the failure threshold, the fallback's replicas
            // (KEDA serves fallback.replicas × the target, pkg/fallback/fallback.go@v2.20.2).
            // The HPA's requests count failures too (GetMetricsWithFallback runs on both paths).
            var readable = Readable(t);
            failures = readable ? 0 : failures + 1;
            depth = readable ? queue.Count : failures > keda.FailureThreshold ? keda.FallbackReplicas * hpa.QueueTarget : 0;
            var scrape = (t - timing.ResourceMetricLagSeconds) / timing.ScrapeSeconds;
            cpu = t >= timing.ResourceMetricLagSeconds ? history[scrape].Cpu : 0;
        }

        // An HPA does not scale a target at zero replicas (KEDA wakes it).
        if (keda is null || current > 0)
        {
            var desired = hpa.Sync(t, current, depth, cpu);
            if (desired != current)
            {
                Change(t, current, desired);
            }
        }
    }

    /// <summary>The per-minute sample of the series.</summary>
    public void Sample(int t)
    {
        if (t % 60 == 59)
        {
            series.Add((t + 1, minuteArrivals, queue.Count, Active));
            minuteArrivals = 0;
        }
    }

    /// <summary>The run's outcome; tasks still queued count with the wait they had so far (censored, never dropped).</summary>
    public PoolRun Finish(int durationSeconds)
    {
        var unserved = queue.Count + pods.Sum(p => p.Running.Count) + (arrivals.Count - next);
        foreach (var task in queue)
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
    /// </summary>
    private void Resize(int change, double t)
    {
        for (var i = 0; i < change; i++)
        {
            pods.Add(new Pod { ReadyAt = t + timing.StartupSeconds });
        }

        var victims = pods.Where(p => double.IsNaN(p.RemovedAt))
            .OrderByDescending(p => p.ReadyAt > t)
            .ThenBy(p => p.Running.Count)
            .Take(-change);
        foreach (var pod in victims)
        {
            pod.RemovedAt = t;
        }
    }
}
