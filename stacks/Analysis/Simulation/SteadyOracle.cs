using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>What the oracle chose: its pods ready per slot before smoothing, and the price of a dip (seconds).</summary>
/// <param name="Need">Pods ready per slot (<see cref="OracleSlots"/> at the chosen share and lookahead).</param>
/// <param name="HoldSeconds">The price of a dip beyond its length: the pod start and the tasks a removed pod finishes.</param>
/// <param name="MeetsTarget">Whether the oracle's own run met the wait target (else its first try's knobs).</param>
public sealed record OracleChoice(int[] Need, int HoldSeconds, bool MeetsTarget)
{
    /// <summary>Every need the oracle's knob search computed (the chosen one among them): a steady schedule may meet the target on a looser one.</summary>
    public IReadOnlyList<int[]> Tried { get; init; } = [];

    /// <summary>The oracle's own result (a steady oracle's candidate when it reverses within the budget).</summary>
    public QueueResult? Run { get; init; }
}

/// <summary>
/// The <c>steady-oracle</c> policy of the simulator: the cost of steadiness for a clairvoyant policy.
/// It starts from the plain <see cref="Oracle"/>'s per-slot need (pods ready per slot, at the knobs the
/// oracle chose) and keeps the oracle's rules (whole pods, each paying its start but started ahead,
/// removed pods finishing their tasks, the floor of <see cref="Oracle.Floor"/>, judged by
/// <see cref="PoolSimulator"/> at p95), but it may reverse direction at most a budget of times
/// (<see cref="Budget"/>: 2 in an hour, 12 a day), reversals counted as the simulator counts them.
/// <para>
/// How: <see cref="SteadySchedule.Cheapest"/> prices each reversal (a Lagrangian price, in seconds of
/// pod time); the price is bisected until the programme's schedule reverses within the budget, and the
/// simulator's run of it judges both the wait and the reversals. Candidates: the oracle's own run if it
/// is within the budget; steady schedules at or above the oracle's schedule, its need, that schedule
/// with a spare pod wherever it has one (a steady schedule cannot swap a pod busy with long tasks for a
/// fresh one, as the oracle's reversals do) and the looser needs its knob search computed
/// (<see cref="MaxNeeds"/>). The cheapest run on target within the budget is the result, else the
/// fewest pods held all along that meet the target.
/// </para>
/// <para>
/// What it is: an upper bound on the cheapest steady schedule for the oracle's need (a price per
/// reversal may skip the budget's exact count, and the need is the oracle's, not one chosen for
/// steadiness), as the plain oracle is the lower bound without steadiness. Its pod-minutes over the
/// oracle's are the price of steadiness itself; a steady autoscaler's over it are what a reactive
/// policy loses by not knowing the arrivals.
/// </para>
/// </summary>
public static class SteadyOracle
{
    /// <summary>Reversals a steady pool may make in an hour-long scenario (the bound for the spike hour, docs/decisions/0006-autoscaling-across-days.md).</summary>
    public const int HourBudget = 2;

    /// <summary>Reversals a steady pool may make in a day (the bound for a business day).</summary>
    public const int DayBudget = 12;

    /// <summary>Bisection steps over the price of a reversal (each a programme; the simulator judges the result).</summary>
    public const int Steps = 12;

    /// <summary>The reversal budget of a scenario of <paramref name="durationSeconds"/>: 2 up to an hour, else 12 a day (at least 2).</summary>
    public static int Budget(int durationSeconds) =>
        durationSeconds <= 3600 ? HourBudget : Math.Max(HourBudget, (int)Math.Round(DayBudget * durationSeconds / 86_400.0));

    /// <summary>Needs tried at most, the oracle's chosen one first, then the loosest (fewest pod-slots).</summary>
    public const int MaxNeeds = 10;

    /// <summary>The steady oracle of one pool, from the oracle's choice on the same arrivals.</summary>
    public static QueueResult Result(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int duration, OracleChoice choice, int budget, ClusterTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(choice);
        timing ??= new ClusterTiming();
        var workers = new WorkerPods(pool.Concurrency, pool.Shutdown.TerminationGracePeriodSeconds);
        var lead = (timing.StartupSeconds + Oracle.SlotSeconds - 1) / Oracle.SlotSeconds;
        var drop = Math.Max(0, choice.HoldSeconds - timing.StartupSeconds);
        QueueResult Run(int[] paid) =>
            Simulator.Result(pool, arrivals, PoolSimulator.RunScripted(arrivals, duration, workers, SteadySchedule.Script(paid, lead), Oracle.SlotSeconds, timing)!); // no limit: it runs to the end

        // Each need's cheapest schedule without the budget first (a lower bound on its steady one), then
        // the budget's by the programme (fast) and its run by the simulator, loosest bound first; the
        // programme's pod-seconds are at most the run's (which also pays the tasks removed pods finish),
        // so once a bound reaches the best run's pod-minutes, no later need can beat it.
        var floors = Needs(choice).Select(need => SteadySchedule.Paid(need, lead))
            .Select(floor => (Floor: floor, Free: SteadySchedule.Cheapest(floor, Oracle.SlotSeconds, drop, 0)))
            .OrderBy(f => PodMinutes(f.Free.Paid))
            .ToList();
        // The oracle's own run, where it already reverses within the budget and meets the target.
        var best = choice.Run is { MeetsTarget: true } own && own.Reversals <= budget ? own : null;
        foreach (var (floor, free) in floors)
        {
            if (best is not null && PodMinutes(free.Paid) >= best.PodMinutes)
            {
                break;
            }

            var paid = Schedule(floor, free, drop, budget);
            if (best is not null && PodMinutes(paid) >= best.PodMinutes)
            {
                continue;
            }

            // The simulator is the judge of the reversals too (on the runs measured it counts what the programme counts).
            var run = Run(paid);
            if (run.MeetsTarget && run.Reversals <= budget && (best is null || run.PodMinutes < best.PodMinutes))
            {
                best = run;
            }
        }

        // None met the target within the budget: the fewest pods held all along that do (up to one over the
        // chosen need's highest), else that highest held all along.
        return best ?? Flat(choice.Need, Run);
    }

    /// <summary>The oracle's schedule and its chosen need first, then the others by pod-slots, loosest first, each once, none with a higher peak.</summary>
    private static List<int[]> Needs(OracleChoice choice)
    {
        // The oracle's own schedule (its need smoothed, the run that met the target) first: the steady
        // schedules at or above it hold every pod the oracle's run held.
        // A steady schedule cannot replace a pod busy with long tasks by a fresh one (the removed pod
        // finishes them while the new one serves), as the oracle's reversals do: the oracle's schedule
        // with a spare pod wherever it has one is a candidate too.
        var smooth = Oracle.Smooth(choice.Need, Oracle.SlotSeconds, choice.HoldSeconds);
        var needs = new List<int[]> { smooth, choice.Need, smooth.Select(n => n > 0 ? n + 1 : 0).ToArray() };
        var top = choice.Need.Length == 0 ? 0 : choice.Need.Max();
        foreach (var need in choice.Tried.OrderBy(n => n.Sum(x => (long)x)))
        {
            // A higher peak than the chosen need's (a tighter share or no lookahead) only costs a steady schedule more, and its programme is the slowest.
            if (needs.Count < MaxNeeds && need.Length > 0 && need.Max() <= top && !needs.Any(n => n.AsSpan().SequenceEqual(need)))
            {
                needs.Add(need);
            }
        }

        return needs;
    }

    /// <summary>
    /// The cheapest schedule at or above <paramref name="floor"/> the programme finds within the budget:
    /// the price of a reversal bisected on a log scale, from one second to twice the cost of holding the
    /// top all day (where no reversal pays), on the programme's own count of reversals.
    /// </summary>
    private static int[] Schedule(int[] floor, PaidSchedule free, int drop, int budget)
    {
        if (free.Reversals <= budget)
        {
            return free.Paid;
        }

        var (lo, hi) = (1.0, Top(floor));
        for (var step = 0; step < Steps; step++)
        {
            var mid = Math.Sqrt(lo * hi);
            (lo, hi) = SteadySchedule.Reversals(floor, Oracle.SlotSeconds, drop, mid) <= budget ? (lo, mid) : (mid, hi);
        }

        return SteadySchedule.Cheapest(floor, Oracle.SlotSeconds, drop, hi).Paid;
    }

    private static QueueResult Flat(int[] need, Func<int[], QueueResult> run)
    {
        var top = need.Length == 0 ? 0 : need.Max();
        for (var n = 1; n <= top + 1; n++)
        {
            var held = run(Enumerable.Repeat(n, need.Length).ToArray());
            if (held.MeetsTarget)
            {
                return held;
            }
        }

        return run(Enumerable.Repeat(top, need.Length).ToArray());
    }

    private static double PodMinutes(int[] paid) => paid.Sum(n => (long)n) * Oracle.SlotSeconds / 60.0;

    private static double Top(int[] floor) => Math.Max(2.0, 2.0 * Oracle.SlotSeconds * floor.Length * (floor.Length == 0 ? 0 : floor.Max()));
}
