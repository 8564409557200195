using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>
/// The <c>oracle</c> policy of the simulator: the cheapest schedule of whole pods we can find for a
/// pool that knows every arrival in advance, judged like the autoscalers. It holds to what any real
/// policy must pay, and to nothing of the configuration under review:
/// <list type="bullet">
/// <item>whole pods, each of the pool's concurrency; every pod it adds pays the pod start
/// (<see cref="AutoscalerPolicy.PodStartSeconds"/>), but it starts each one ahead of need, since it
/// knows the arrivals; a removed pod finishes its tasks (paid);</item>
/// <item>its floor is <see cref="Floor"/>: one pod where the wait target is shorter than a cold start,
/// else none (never the pool's <c>minReplicas</c>, which is under review);</item>
/// <item>it fetches one message per free child (no prefetch, no maximum): the ideal dispatch;</item>
/// <item>it is judged like the policies: its schedule is run by <see cref="PoolSimulator"/>, and it
/// must meet the wait target at the 95th percentile, so it may let 5 % of the tasks wait longer.</item>
/// </list>
/// How: in slots of <see cref="SlotSeconds"/> (the HPA's sync period), the fewest pods that keep the
/// share of late tasks within 5 % so far (<see cref="OracleSlots"/>); then the cheapest pod counts at
/// or above those once a start costs its 45 s (a dynamic programme over the slots); then the run. A
/// clairvoyant heuristic, not a proof: the frontier test (SimulationTests) runs every shape of the grid
/// over many seeds and fails if one is cheaper while meeting its target.
/// </summary>
public static class Oracle
{
    /// <summary>The slot over which the oracle holds its pod count: the HPA's 15-second sync.</summary>
    public const int SlotSeconds = 15;

    /// <summary>The fastest KEDA polling the frontier tries: a pool whose wait target covers it and a pod start may sleep at zero.</summary>
    public const int FastestPollingSeconds = 15;

    /// <summary>One pod where a task arriving at an idle pool could not be served in time from zero, else none.</summary>
    public static int Floor(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.WaitTargetSeconds >= AutoscalerPolicy.PodStartSeconds + FastestPollingSeconds ? 0 : 1;
    }

    /// <summary>The oracle as a policy's result: its pods per slot, run by the simulator.</summary>
    public static QueueResult Result(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int duration, ClusterTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(arrivals);
        timing ??= new ClusterTiming();
        var workers = new WorkerPods(pool.Concurrency, pool.Shutdown.TerminationGracePeriodSeconds);
        QueueResult? result = null;
        // The slot search counts lateness a little more kindly than the run (pods as pooled children);
        // where the run misses its target, the search is repeated with less room for late tasks.
        foreach (var share in new[] { 0.05, 0.04, 0.03, 0.02, 0.0 })
        {
            var need = OracleSlots.Need(arrivals, duration, pool.Concurrency, pool.WaitTargetSeconds, Floor(pool), share, SlotSeconds);
            var pods = Smooth(need, SlotSeconds, timing.StartupSeconds);
            result = Simulator.Result(pool, arrivals, PoolSimulator.RunScripted(arrivals, duration, workers, pods, SlotSeconds, timing));
            if (result.MeetsTarget)
            {
                break;
            }
        }

        return result!;
    }

    /// <summary>
    /// The cheapest pod counts per slot at or above <paramref name="need"/>: each slot costs its pods
    /// for the slot's length, each pod added costs <paramref name="startSeconds"/> more; the first
    /// slot's pods are there from the start, as a policy's minimum is. Dips shorter than a start are
    /// filled, since keeping a pod costs less than starting it again.
    /// </summary>
    public static int[] Smooth(IReadOnlyList<int> need, int slotSeconds, int startSeconds)
    {
        ArgumentNullException.ThrowIfNull(need);
        var k = need.Count;
        if (k == 0)
        {
            return [];
        }

        var max = need.Max();
        var cost = new double[max + 1];
        var choice = new int[k, max + 1];
        for (var n = 0; n <= max; n++)
        {
            cost[n] = n >= need[0] ? (double)slotSeconds * n : double.PositiveInfinity;
        }

        var next = new double[max + 1];
        for (var s = 1; s < k; s++)
        {
            // Best predecessor at or above n (no start paid), and below n (starts paid per pod).
            var above = new (double Cost, int From)[max + 2];
            above[max + 1] = (double.PositiveInfinity, -1);
            for (var p = max; p >= 0; p--)
            {
                above[p] = cost[p] < above[p + 1].Cost ? (cost[p], p) : above[p + 1];
            }

            var below = (Cost: double.PositiveInfinity, From: -1);
            for (var n = 0; n <= max; n++)
            {
                var stay = above[n];
                var up = below.From < 0 ? double.PositiveInfinity : below.Cost + ((double)startSeconds * n);
                var (best, from) = stay.Cost <= up ? stay : (up, below.From);
                next[n] = n >= need[s] ? best + ((double)slotSeconds * n) : double.PositiveInfinity;
                choice[s, n] = from;
                var viaHere = cost[n] - ((double)startSeconds * n);
                if (viaHere < below.Cost)
                {
                    below = (viaHere, n);
                }
            }

            (cost, next) = (next, cost);
        }

        var pods = new int[k];
        var at = Array.IndexOf(cost, cost.Min());
        for (var s = k - 1; s >= 0; s--)
        {
            pods[s] = at;
            if (s > 0)
            {
                at = choice[s, at];
            }
        }

        return pods;
    }
}
