using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>The median and the worst of one figure over the seeds.</summary>
/// <param name="Median">The median (the mean of the middle two for an even count).</param>
/// <param name="Worst">The largest: for waits, pod-minutes, reversals and ratios, the worst day.</param>
public readonly record struct Spread(double Median, double Worst)
{
    /// <summary>The spread of some values (none: zeros).</summary>
    public static Spread Of(IEnumerable<double> values)
    {
        var a = (values ?? throw new ArgumentNullException(nameof(values))).Order().ToArray();
        if (a.Length == 0)
        {
            return default;
        }

        var median = a.Length % 2 == 1 ? a[a.Length / 2] : (a[(a.Length / 2) - 1] + a[a.Length / 2]) / 2;
        return new Spread(median, a[^1]);
    }
}

/// <summary>One pool (or <see cref="SeedSummary.AllPools"/>) under the configured autoscaling, over the seeds.</summary>
/// <param name="Pool">The pool, or <see cref="SeedSummary.AllPools"/> for the sum over the pools.</param>
/// <param name="WaitTargetSeconds">Its wait target (0 for all pools).</param>
/// <param name="P95Wait">p95 wait, seconds (all pools: the worst pool's of each day).</param>
/// <param name="MeetsTarget">Share of the days on which the p95 met the target (all pools: every pool did).</param>
/// <param name="PodMinutes">Pod-minutes (all pools: summed).</param>
/// <param name="Reversals">Reversals in the scenario (all pools: the most of any pool).</param>
/// <param name="Against">Its pod-minutes against the other policies' on the same days.</param>
public sealed record PoolSpread(string Pool, int WaitTargetSeconds, Spread P95Wait, double MeetsTarget, Spread PodMinutes, Spread Reversals, Ratios Against)
{
    /// <summary>Pod-minutes ÷ the oracle's.</summary>
    public Spread? VsOracle => Against.VsOracle;

    /// <summary>Pod-minutes ÷ fixed-peak's.</summary>
    public Spread? VsFixedPeak => Against.VsFixedPeak;

    /// <summary>Pod-minutes ÷ the autoscaling article's HPA's.</summary>
    public Spread? VsSeed => Against.VsSeed;

    /// <summary>Pod-minutes ÷ the steady oracle's (<see cref="SteadyOracle"/>).</summary>
    public Spread? VsSteadyOracle => Against.VsSteadyOracle;

    /// <summary>The steady oracle's pod-minutes ÷ the oracle's, day by day: the price of steadiness itself.</summary>
    public Spread? SteadyOracleVsOracle { get; init; }
}

/// <summary>Pod-minutes over another policy's, day by day (null where the other needs no pod on some day).</summary>
/// <param name="VsOracle">Over the oracle's.</param>
/// <param name="VsFixedPeak">Over fixed-peak's.</param>
/// <param name="VsSeed">Over the autoscaling article's HPA's.</param>
/// <param name="VsSteadyOracle">Over the steady oracle's: the cheapest clairvoyant schedule within the reversal budget.</param>
public sealed record Ratios(Spread? VsOracle, Spread? VsFixedPeak, Spread? VsSeed, Spread? VsSteadyOracle = null);

/// <summary>
/// A scenario over many seeds (<c>simulate --seeds</c>): per pool and for all pools, the median and the
/// worst day of the configured autoscaling, and its pod-minutes against the oracle, fixed-peak,
/// the autoscaling article's HPA and the steady oracle on the same days. One day is one seed's arrivals.
/// </summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Seeds">The seeds.</param>
/// <param name="Pools">Each pool, then all pools.</param>
/// <param name="Days">Each seed's simulation, in seed order.</param>
public sealed record SeedSummary(string Scenario, IReadOnlyList<int> Seeds, IReadOnlyList<PoolSpread> Pools, IReadOnlyList<SimulationResult> Days)
{
    /// <summary>The name of the row that sums the pools.</summary>
    public const string AllPools = "all pools";

    /// <summary>The policies a summary runs.</summary>
    public static IReadOnlyList<string> Policies { get; } = ["configured", "seed", "fixed-peak", "oracle", "steady-oracle"];

    /// <summary>Runs every seed (in parallel: each seed is independent and deterministic) and summarises them.</summary>
    public static SeedSummary Run(StackPlan plan, Scenario scenario, IReadOnlyList<int> seeds, ClusterTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(seeds);
        var days = new SimulationResult[seeds.Count];
        Parallel.For(0, seeds.Count, i => days[i] = Simulator.Run(plan, scenario, seeds[i], timing, Policies));
        var pools = plan.Queues.Select(q => Pool(q.Name, q.WaitTargetSeconds, days)).ToList();
        pools.Add(All(days));
        return new SeedSummary(scenario.Name, seeds, pools, days);
    }

    private static QueueResult Of(SimulationResult day, string policy, string pool) => day.Policies.Single(p => p.Name == policy).Queues.Single(q => q.Name == pool);

    private static Spread? Ratio(IReadOnlyList<SimulationResult> days, string policy, Func<SimulationResult, string, double> podMinutes, string pool, string ours = "configured")
    {
        if (days.Any(d => !d.Policies.Any(p => p.Name == policy) || !d.Policies.Any(p => p.Name == ours)))
        {
            return null;
        }

        var ratios = days.Select(d => (Ours: podMinutes(d, ours), Theirs: podMinutes(d, policy))).ToList();
        return ratios.Any(r => r.Theirs <= 0) ? null : Spread.Of(ratios.Select(r => r.Ours / r.Theirs));
    }

    private static PoolSpread Pool(string name, int target, IReadOnlyList<SimulationResult> days)
    {
        var ours = days.Select(d => Of(d, "configured", name)).ToList();
        double Pm(SimulationResult d, string policy) => Of(d, policy, name).PodMinutes;
        return new PoolSpread(name, target, Spread.Of(ours.Select(q => q.P95WaitSeconds)), ours.Count(q => q.MeetsTarget) / (double)ours.Count,
            Spread.Of(ours.Select(q => q.PodMinutes)), Spread.Of(ours.Select(q => (double)q.Reversals)),
            new Ratios(Ratio(days, "oracle", Pm, name), Ratio(days, "fixed-peak", Pm, name), Ratio(days, "seed", Pm, name), Ratio(days, "steady-oracle", Pm, name)))
        {
            SteadyOracleVsOracle = Ratio(days, "oracle", Pm, name, "steady-oracle"),
        };
    }

    private static PoolSpread All(IReadOnlyList<SimulationResult> days)
    {
        var ours = days.Select(d => d.Policies.Single(p => p.Name == "configured").Queues).ToList();
        static double Pm(SimulationResult d, string policy) => d.Policies.Single(p => p.Name == policy).Queues.Sum(q => q.PodMinutes);
        return new PoolSpread(AllPools, 0, Spread.Of(ours.Select(qs => qs.Max(q => q.P95WaitSeconds))), ours.Count(qs => qs.All(q => q.MeetsTarget)) / (double)ours.Count,
            Spread.Of(ours.Select(qs => qs.Sum(q => q.PodMinutes))), Spread.Of(ours.Select(qs => (double)qs.Max(q => q.Reversals))),
            new Ratios(Ratio(days, "oracle", Pm, AllPools), Ratio(days, "fixed-peak", Pm, AllPools), Ratio(days, "seed", Pm, AllPools), Ratio(days, "steady-oracle", Pm, AllPools)))
        {
            SteadyOracleVsOracle = Ratio(days, "oracle", Pm, AllPools, "steady-oracle"),
        };
    }
}
