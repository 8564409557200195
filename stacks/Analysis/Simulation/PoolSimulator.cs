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

/// <summary>The timing of the cluster around the autoscaler (docs/sources/autoscaling.md and the Kubernetes defaults).</summary>
/// <param name="SyncSeconds">HPA sync period (kube-controller-manager default 15 s).</param>
/// <param name="MetricLagSeconds">Age of the metrics the HPA reads: a 15 s scrape plus the adapter's cache.</param>
/// <param name="StartupSeconds">From scheduling to consuming: image, start, broker connect (lesson 2 of the autoscaling article: 30–60 s).</param>
/// <param name="ScrapeSeconds">Prometheus scrape interval of the exporters (the ServiceMonitors' 15 s): the age of the running tasks KEDA's Prometheus trigger reads.</param>
public sealed record ClusterTiming(int SyncSeconds = 15, int MetricLagSeconds = 30, int StartupSeconds = AutoscalerPolicy.PodStartSeconds, int ScrapeSeconds = 15);

/// <summary>
/// A discrete-time model of one worker pool: the queue's Redis lists (FIFO), pods of
/// <c>concurrency</c> children that each hold up to concurrency × prefetch messages (running and
/// reserved, gone from the lists), pods that serve only after a startup delay, removed pods that
/// stop fetching, give their reserved messages back and finish the tasks they run (the preStop +
/// warm shutdown this program deploys), and an autoscaler (or none).
/// One-second steps; arrivals are timestamped within the second.
/// </summary>
public static class PoolSimulator
{
    /// <summary>
    /// Runs one pool. <paramref name="hpa"/> null keeps <paramref name="initialReplicas"/> fixed.
    /// With <paramref name="keda"/> the HPA reads KEDA's composite metric at each sync (the lists
    /// live: KEDA's metrics server asks the broker), is idle while the pool is at zero (the HPA does
    /// not scale a target at zero), and KEDA moves the pool between zero and one at its polls.
    /// Without it the metric is celery-exporter's list length <see cref="ClusterTiming.MetricLagSeconds"/>
    /// old (Prometheus scrape and prometheus-adapter).
    /// </summary>
    public static PoolRun Run(IReadOnlyList<TaskArrival> arrivals, int durationSeconds, WorkerPods workers, int initialReplicas,
        HpaController? hpa, ClusterTiming timing, KedaSpec? keda = null)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(timing);
        var run = new PoolRunner(arrivals, workers, timing, keda, initialReplicas);
        for (var t = 0; t < durationSeconds; t++)
        {
            run.Arrive(t);
            run.Serve(t);
            run.PollKeda(t);
            if (hpa is not null && t % timing.SyncSeconds == 0 && t > 0)
            {
                run.SyncHpa(t, hpa);
            }

            run.Sample(t);
        }

        return run.Finish(durationSeconds);
    }

    /// <summary>
    /// Runs one pool on a schedule of pods per slot (the oracle's), its first slot's pods ready from the
    /// start; null, unfinished, once it is sure to pay <paramref name="stopAtPodMinutes"/> or more: what
    /// it paid so far and, each second to come, at least the pods its script wants then
    /// (<see cref="PoolRunner.Want"/>: every pod the script wants exists, removed ones only add).
    /// </summary>
    public static PoolRun? RunScripted(IReadOnlyList<TaskArrival> arrivals, int durationSeconds, WorkerPods workers, IReadOnlyList<int> pods, int slotSeconds, ClusterTiming timing,
        double stopAtPodMinutes = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(timing);
        var want = new int[Math.Max(0, durationSeconds)];
        var ahead = 0.0; // pod-seconds the script wants after the current second
        for (var t = 0; t < want.Length; t++)
        {
            want[t] = PoolRunner.Want(t, pods, slotSeconds, timing.StartupSeconds);
            ahead += want[t];
        }

        var run = new PoolRunner(arrivals, workers, timing, null, pods.Count == 0 ? 0 : pods[0]);
        for (var t = 0; t < durationSeconds; t++)
        {
            ahead -= want[t];
            if ((run.PodSeconds + want[t] + ahead) / 60.0 >= stopAtPodMinutes)
            {
                return null;
            }

            run.Script(t, want[t]);
            run.Arrive(t);
            run.Serve(t);
            run.Sample(t);
        }

        return run.Finish(durationSeconds);
    }
}
