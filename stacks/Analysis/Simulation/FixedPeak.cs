using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>
/// The <c>fixed-peak</c> policy: what a team runs without an autoscaler, a fixed number of pods sized
/// for the peak the stack declares. Sized by simulation: the fewest pods that meet the pool's wait
/// target at the 95th percentile through the <c>spike</c> scenario (which climbs to
/// <c>peakTasksPerMinute</c>), on the same seed's arrivals; the same count then runs every scenario.
/// </summary>
public static class FixedPeak
{
    private static readonly Dictionary<(PoolPlan, int, int), int> Sized = [];

    /// <summary>The pods of pool <paramref name="index"/> of <paramref name="plan"/> for a seed.</summary>
    public static int Replicas(StackPlan plan, int index, int seed, ClusterTiming timing)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pool = plan.Queues[index];
        lock (Sized)
        {
            if (Sized.TryGetValue((pool, index, seed), out var known))
            {
                return known;
            }
        }

        var spike = Scenario.Named("spike", plan);
        var arrivals = Simulator.DayArrivals(plan, index, spike, seed);
        bool Meets(int n) => Simulator.Fixed(pool, arrivals, spike.DurationSeconds, n, timing).MeetsTarget;
        var hi = Math.Max(1, (int)Math.Ceiling(pool.PeakBusyChildren / pool.Concurrency));
        while (!Meets(hi))
        {
            hi *= 2;
        }

        var lo = 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Meets(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        lock (Sized)
        {
            Sized[(pool, index, seed)] = hi;
        }

        return hi;
    }
}
