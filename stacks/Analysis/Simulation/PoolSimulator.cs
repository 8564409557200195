using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>One task: when it arrived and how long it runs.</summary>
public readonly record struct TaskArrival(double Time, double ServiceSeconds);

/// <summary>What happened to one pool under one policy.</summary>
/// <param name="Waits">Each task's wait in the queue, seconds (still queued at the end: the wait so far).</param>
/// <param name="MaxDepth">Most tasks waiting at once.</param>
/// <param name="PodMinutes">Pod time paid for, from scheduling to exit.</param>
/// <param name="ScaleEvents">Changes of the replica count.</param>
/// <param name="Reversals">Direction changes less than 10 minutes after the previous change (thrash).</param>
/// <param name="CutOff">Tasks still running when a removed pod's grace period ended (must be 0).</param>
/// <param name="Unserved">Tasks still waiting or running when the simulation ended.</param>
/// <param name="Series">Per-minute samples: time, arrivals, depth, replicas.</param>
public sealed record PoolRun(IReadOnlyList<double> Waits, int MaxDepth, double PodMinutes, int ScaleEvents, int Reversals, int CutOff, int Unserved,
    IReadOnlyList<(double Time, int Arrivals, int Depth, int Replicas)> Series);

/// <summary>The timing of the cluster around the autoscaler (seed 000 and the Kubernetes defaults).</summary>
/// <param name="SyncSeconds">HPA sync period (kube-controller-manager default 15 s).</param>
/// <param name="MetricLagSeconds">Age of the metrics the HPA reads: a 15 s scrape plus the adapter's cache.</param>
/// <param name="StartupSeconds">From scheduling to consuming: image, start, broker connect (seed 000 lesson 2: 30–60 s).</param>
/// <param name="ScrapeSeconds">Prometheus scrape interval of the exporters (the ServiceMonitors' 15 s).</param>
/// <param name="ResourceMetricLagSeconds">
/// Age of the CPU reading when the queue is read from the broker (KEDA): metrics-server's
/// <c>--metric-resolution=15s</c> (charts/metrics-server/values.yaml@metrics-server-helm-chart-3.12.2, defaultArgs).
/// </param>
public sealed record ClusterTiming(int SyncSeconds = 15, int MetricLagSeconds = 30, int StartupSeconds = AutoscalerPolicy.PodStartSeconds, int ScrapeSeconds = 15,
    int ResourceMetricLagSeconds = 15);

/// <summary>
/// A discrete-time model of one worker pool: FIFO queue, <c>replicas × concurrency</c> slots, pods
/// that serve only after a startup delay, removed pods that stop taking tasks and finish the ones
/// they run (the preStop + warm shutdown this program deploys), and an autoscaler (or none).
/// One-second steps; arrivals are timestamped within the second.
/// </summary>
public static class PoolSimulator
{
    private sealed class Pod
    {
        public double ReadyAt;
        public double RemovedAt = double.NaN;
        public readonly List<double> Running = [];
    }

    /// <summary>
    /// Runs one pool. <paramref name="hpa"/> null keeps <paramref name="initialReplicas"/> fixed.
    /// With <paramref name="keda"/> the HPA reads the queue live at each sync (KEDA's metrics server
    /// asks the broker) and CPU <see cref="ClusterTiming.ResourceMetricLagSeconds"/> old, is idle
    /// while the pool is at zero (the HPA does not scale a target at zero), and KEDA moves the pool
    /// between zero and one at its polls. Without it both metrics are
    /// <see cref="ClusterTiming.MetricLagSeconds"/> old (Prometheus scrape and prometheus-adapter).
    /// </summary>
    public static PoolRun Run(IReadOnlyList<TaskArrival> arrivals, int durationSeconds, WorkerPods workers, int initialReplicas,
        HpaController? hpa, ClusterTiming timing, KedaSpec? keda = null)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var (concurrency, graceSeconds, cpuPerBusySlot) = (workers.Concurrency, workers.GraceSeconds, workers.CpuPerBusySlot);
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(timing);
        var pods = new List<Pod>();
        for (var i = 0; i < initialReplicas; i++)
        {
            pods.Add(new Pod { ReadyAt = 0 });
        }

        var queue = new Queue<TaskArrival>();
        var waits = new List<double>(arrivals.Count);
        var history = new List<(double Time, double Depth, double Cpu)>();
        var series = new List<(double, int, int, int)>();
        var next = 0;
        var maxDepth = 0;
        var podSeconds = 0.0;
        var scaleEvents = 0;
        var reversals = 0;
        var cut = 0;
        var lastChange = (Time: double.NegativeInfinity, Direction: 0);
        var minuteArrivals = 0;
        var freed = new List<double>();
        var lastActive = double.NegativeInfinity; // KEDA's status.lastActiveTime: none yet
        var failures = 0;

        void Change(int t, int current, int desired)
        {
            var direction = Math.Sign(desired - current);
            scaleEvents++;
            if (lastChange.Direction != 0 && direction != lastChange.Direction && t - lastChange.Time < 600)
            {
                reversals++;
            }

            lastChange = (t, direction);
            Resize(pods, desired - current, t, timing.StartupSeconds);
        }

        for (var t = 0; t < durationSeconds; t++)
        {
            // Arrivals of this second.
            while (next < arrivals.Count && arrivals[next].Time < t + 1)
            {
                queue.Enqueue(arrivals[next++]);
                minuteArrivals++;
            }

            // Completions, exits of removed pods, dispatch in FIFO order to ready pods with a free slot.
            var busy = 0;
            var slots = 0;
            for (var i = pods.Count - 1; i >= 0; i--)
            {
                var pod = pods[i];
                freed.Clear();
                foreach (var end in pod.Running)
                {
                    if (end <= t)
                    {
                        freed.Add(end);
                    }
                }

                pod.Running.RemoveAll(end => end <= t);
                if (!double.IsNaN(pod.RemovedAt))
                {
                    if (pod.Running.Count == 0 || t - pod.RemovedAt >= graceSeconds)
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

                // A slot freed during the last second takes its next task at the moment it freed,
                // not at the tick: the model stays exact for queueing, whatever the step.
                freed.Sort();
                var f = 0;
                while (pod.Running.Count < concurrency && queue.Count > 0)
                {
                    var task = queue.Dequeue();
                    var idleSlots = concurrency - pod.Running.Count - (freed.Count - f);
                    var freeAt = idleSlots > 0 ? Math.Max(pod.ReadyAt, t - 1) : freed[f++];
                    var start = Math.Max(task.Time, freeAt);
                    waits.Add(start - task.Time);
                    pod.Running.Add(start + task.ServiceSeconds);
                }

                busy += pod.Running.Count;
                slots += concurrency;
            }

            maxDepth = Math.Max(maxDepth, queue.Count);
            podSeconds += pods.Count;

            if (t % timing.ScrapeSeconds == 0)
            {
                // Mean CPU of the ready pods against their request: each running task keeps cpuPerBusySlot of a pod busy.
                history.Add((t, queue.Count, slots == 0 ? 0 : busy * cpuPerBusySlot / (slots / (double)concurrency)));
            }

            var readable = keda is null || !keda.BrokerUnreadable(t);
            if (keda is not null && t % keda.PollingIntervalSeconds == 0)
            {
                // KEDA's scale loop (RequestScale): activation from zero, deactivation after the cooldown.
                failures = readable ? 0 : failures + 1;
                var current = pods.Count(p => double.IsNaN(p.RemovedAt));
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

            if (hpa is not null && t % timing.SyncSeconds == 0 && t > 0)
            {
                var current = pods.Count(p => double.IsNaN(p.RemovedAt));
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

            if (t % 60 == 59)
            {
                series.Add((t + 1, minuteArrivals, queue.Count, pods.Count(p => double.IsNaN(p.RemovedAt))));
                minuteArrivals = 0;
            }
        }

        var unserved = queue.Count + pods.Sum(p => p.Running.Count) + (arrivals.Count - next);
        // Tasks still queued at the end count with the wait they had so far (censored, never dropped).
        foreach (var task in queue)
        {
            waits.Add(durationSeconds - task.Time);
        }

        return new PoolRun(waits, maxDepth, podSeconds / 60.0, scaleEvents, reversals, cut, unserved, series);
    }

    private static void Resize(List<Pod> pods, int change, double t, int startup)
    {
        for (var i = 0; i < change; i++)
        {
            pods.Add(new Pod { ReadyAt = t + startup });
        }

        // Scale-down removes the pods that cost least: not yet ready first, then the least busy
        // (the ReplicaSet controller prefers unready and newer pods).
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
