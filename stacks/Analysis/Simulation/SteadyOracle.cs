using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>What the oracle chose: its pods ready per slot before smoothing, and the price of a dip (seconds).</summary>
/// <param name="Need">Pods ready per slot (<see cref="OracleSlots"/> at the chosen share and lookahead).</param>
/// <param name="HoldSeconds">The price of a dip beyond its length: the pod start and the tasks a removed pod finishes.</param>
/// <param name="MeetsTarget">Whether the oracle's own run met the wait target (else its first try's knobs).</param>
public sealed record OracleChoice(int[] Need, int HoldSeconds, bool MeetsTarget);

/// <summary>
/// The <c>steady-oracle</c> policy of the simulator: the cost of steadiness for a clairvoyant policy.
/// It starts from the plain <see cref="Oracle"/>'s per-slot need (pods ready per slot, at the knobs the
/// oracle chose) and keeps the oracle's rules (whole pods, each paying its start but started ahead,
/// removed pods finishing their tasks, the floor of <see cref="Oracle.Floor"/>, judged by
/// <see cref="PoolSimulator"/> at p95), but it may reverse direction at most a budget of times
/// (<see cref="Budget"/>: 2 in an hour, 12 a day), reversals counted as the simulator counts them.
/// <para>
/// How: <see cref="SteadySchedule.Cheapest"/> prices each reversal (a Lagrangian price, in seconds of
/// pod time); the price is bisected until the simulator's run of the schedule reverses within the
/// budget; the cheapest run that meets the target within the budget is the result (else the schedule
/// that never reverses: the oracle's highest need held all day).
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
    /// <summary>Reversals a steady pool may make in an hour-long scenario (issue 28's bound for the spike hour).</summary>
    public const int HourBudget = 2;

    /// <summary>Reversals a steady pool may make in a day (the bound for a business day).</summary>
    public const int DayBudget = 12;

    /// <summary>Bisection steps over the price of a reversal (each a programme and a run).</summary>
    public const int Steps = 16;

    /// <summary>The reversal budget of a scenario of <paramref name="durationSeconds"/>: 2 up to an hour, else 12 a day (at least 2).</summary>
    public static int Budget(int durationSeconds) =>
        durationSeconds <= 3600 ? HourBudget : Math.Max(HourBudget, (int)Math.Round(DayBudget * durationSeconds / 86_400.0));

    /// <summary>The steady oracle of one pool, from the oracle's choice on the same arrivals.</summary>
    public static QueueResult Result(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int duration, OracleChoice choice, int budget, ClusterTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(choice);
        timing ??= new ClusterTiming();
        var workers = new WorkerPods(pool.Concurrency, pool.Shutdown.TerminationGracePeriodSeconds);
        var lead = (timing.StartupSeconds + Oracle.SlotSeconds - 1) / Oracle.SlotSeconds;
        var floor = SteadySchedule.Paid(choice.Need, lead);
        var drop = Math.Max(0, choice.HoldSeconds - timing.StartupSeconds);
        QueueResult Run(int[] paid) =>
            Simulator.Result(pool, arrivals, PoolSimulator.RunScripted(arrivals, duration, workers, SteadySchedule.Script(paid, lead), Oracle.SlotSeconds, timing));
        bool Steady(QueueResult r) => r.Reversals <= budget;

        // Never reverses: the highest need held all day.
        var flat = Run(Enumerable.Repeat(floor.Length == 0 ? 0 : floor.Max(), floor.Length).ToArray());
        var best = flat.MeetsTarget ? flat : null;
        void Consider(QueueResult r)
        {
            if (r.MeetsTarget && Steady(r) && (best is null || r.PodMinutes < best.PodMinutes))
            {
                best = r;
            }
        }

        var free = Run(SteadySchedule.Cheapest(floor, Oracle.SlotSeconds, drop, 0).Paid);
        Consider(free);
        if (!Steady(free))
        {
            // Prices in seconds of pod time, bisected on a log scale between none and the cost of the flat schedule.
            var (lo, hi) = (1.0, Math.Max(2.0, flat.PodMinutes * 60));
            for (var step = 0; step < Steps; step++)
            {
                var mid = Math.Sqrt(lo * hi);
                var run = Run(SteadySchedule.Cheapest(floor, Oracle.SlotSeconds, drop, mid).Paid);
                Consider(run);
                (lo, hi) = Steady(run) ? (lo, mid) : (mid, hi);
            }
        }

        return (best ?? flat) with { };
    }
}
