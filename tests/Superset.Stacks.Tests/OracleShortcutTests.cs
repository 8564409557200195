using Superset.Analysis.Simulation;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// The shortcuts the oracle's knob search takes must not change what it judges: counting the waits
/// within the target says what sorting them says, and a scripted day is cut short only when it must
/// cost at least the limit (docs/testing.md, "Twenty days").
/// </summary>
public sealed class OracleShortcutTests
{
    [Fact]
    public void Counting_the_waits_within_the_target_agrees_with_the_sorted_p95()
    {
        var pool = PlannerTests.PlanOf("config:\n  superset:tier: small\n").Queues[0] with { WaitTargetSeconds = 30 };
        var random = new Random(11);
        var checkedBoth = (Meets: 0, Misses: 0);
        for (var n = 0; n <= 60; n++)
        {
            for (var trial = 0; trial < 20; trial++)
            {
                // Waits on both sides of the target and exactly on it (the p95 may land on a tie).
                var waits = Enumerable.Range(0, n).Select(_ => random.Next(4) switch { 0 => 30.0, 1 => random.NextDouble() * 30, _ => 30 + (random.NextDouble() * (trial % 5)) }).ToList();
                var run = new PoolRun(waits, 0, 0, 0, 0, 0, 0, []);
                var sorted = Simulator.Result(pool, [], run).MeetsTarget;
                Assert.True(sorted == Simulator.MeetsTarget(run, pool.WaitTargetSeconds), $"{n} waits: {string.Join(", ", waits)}");
                checkedBoth = sorted ? (checkedBoth.Meets + 1, checkedBoth.Misses) : (checkedBoth.Meets, checkedBoth.Misses + 1);
            }
        }

        Assert.True(checkedBoth.Meets > 100 && checkedBoth.Misses > 100, $"both answers were tried: {checkedBoth}");
    }

    [Fact]
    public void A_scripted_day_stops_only_when_it_must_cost_at_least_the_limit()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:tier: medium\n");
        var pool = plan.Queues.Single(q => q.Name == "default");
        var arrivals = Arrivals.Of(Scenario.Named("spike", plan), pool, Simulator.ArrivalSeed(3, 0));
        var workers = new WorkerPods(pool.Concurrency, pool.Shutdown.TerminationGracePeriodSeconds);
        var pods = Enumerable.Range(0, 3600 / Oracle.SlotSeconds).Select(k => k is > 40 and < 100 ? 6 : 2).ToList();
        var timing = new ClusterTiming();
        var full = PoolSimulator.RunScripted(arrivals, 3600, workers, pods, Oracle.SlotSeconds, timing)!;

        // A limit above what the day costs lets it run to the same end.
        var under = PoolSimulator.RunScripted(arrivals, 3600, workers, pods, Oracle.SlotSeconds, timing, full.PodMinutes + (1 / 60.0));
        Assert.NotNull(under);
        Assert.Equal(full.PodMinutes, under.PodMinutes);
        Assert.Equal(full.Waits, under.Waits);
        Assert.Equal(full.Series, under.Series);

        // At the day's own cost it stops: it could not be cheaper than a best that costs as much.
        Assert.Null(PoolSimulator.RunScripted(arrivals, 3600, workers, pods, Oracle.SlotSeconds, timing, full.PodMinutes));

        // What the bound relies on: every pod the script wants exists. It wants 2 pods all hour and 4
        // more from a start (45 s) ahead of slot 41 to the end of slot 99: 930 s.
        Assert.InRange(full.PodMinutes, ((2 * 3600) + (4 * 930)) / 60.0, double.PositiveInfinity);
        Assert.Null(PoolSimulator.RunScripted(arrivals, 3600, workers, pods, Oracle.SlotSeconds, timing, ((2 * 3600) + (4 * 930)) / 60.0));
    }
}
