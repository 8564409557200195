using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>The <c>oracle</c> policy of the simulator: a lower bound on what any autoscaler pays.</summary>
public static class Oracle
{
    /// <summary>Window lengths over which <see cref="PodSeconds"/> bounds the work: each gives a valid bound, the largest counts.</summary>
    private static readonly int[] Windows = [60, 120, 300, 600, 900, 1800, 3600];

    /// <summary>The oracle as a policy's result: its pod-minutes, no wait.</summary>
    public static QueueResult Result(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int duration) =>
        new()
        {
            Name = pool.Name, P50WaitSeconds = 0, P95WaitSeconds = 0, P99WaitSeconds = 0, MaxDepth = 0, PodMinutes = PodSeconds(pool, arrivals, duration) / 60.0,
            ScaleEvents = 0, Reversals = 0, CutOff = 0, Tasks = arrivals.Count, WaitTargetSeconds = pool.WaitTargetSeconds, Series = [],
        };

    /// <summary>
    /// A lower bound on the pod-seconds of any autoscaler that serves every task within the pool's
    /// wait target; no policy can pay less. Two facts hold at every moment for every policy:
    /// <list type="number">
    /// <item>at least <c>minReplicas</c> pods run: the floor is the pool's availability requirement
    /// (docs/sources/autoscaling.md, lesson 4: a floor of 3–5 workers to survive node failures; the PodDisruptionBudget),
    /// not the autoscaler's choice (the article's HPA, with its floor of 3, is below it on the large
    /// tier's default pool, and is not held to the bound there);</item>
    /// <item>pods × concurrency ≥ tasks running.</item>
    /// </list>
    /// So over any window [a, b), pod-seconds ≥ max(minReplicas × (b − a), W / concurrency), where W is
    /// the run time that must fall inside the window whatever the schedule: a task arriving at s that
    /// runs d seconds starts somewhere in [s, s + waitTarget], and its overlap with the window is
    /// smallest at one end of that range (the overlap is a trapezoid in the start time). Summing over
    /// a partition of the run gives a bound; every window length gives one, and the largest is kept.
    /// Left out, so that it stays a bound: whole pods (1.2 pods of work costs 2 real pods), startup
    /// time, scale-down delay, and the metric lag; a real autoscaler pays all four. With minReplicas
    /// 0 and an infinite window this is the fluid bound, total run time ÷ concurrency.
    /// </summary>
    public static double PodSeconds(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(arrivals);
        var best = 0.0;
        foreach (var w in Windows)
        {
            var n = (durationSeconds + w - 1) / w;
            var forced = new double[n];
            foreach (var a in arrivals)
            {
                var latestStart = a.Time + pool.WaitTargetSeconds;
                var last = Math.Min(n - 1, (int)((latestStart + a.ServiceSeconds) / w));
                for (var k = Math.Max(0, (int)(a.Time / w)); k <= last; k++)
                {
                    double lo = k * w, hi = Math.Min(lo + w, durationSeconds);
                    double Overlap(double start) => Math.Max(0, Math.Min(start + a.ServiceSeconds, hi) - Math.Max(start, lo));
                    forced[k] += Math.Min(Overlap(a.Time), Overlap(latestStart));
                }
            }

            var total = 0.0;
            for (var k = 0; k < n; k++)
            {
                var length = Math.Min(w, durationSeconds - (k * w));
                total += Math.Max(pool.Replicas.Min * (double)length, forced[k] / pool.Concurrency);
            }

            best = Math.Max(best, total);
        }

        return best;
    }
}
