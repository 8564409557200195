using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Superset.Analysis.Simulation;

/// <summary><c>simulate --seeds</c>: a <see cref="SeedSummary"/> as a table a team can act on, and as JSON.</summary>
public static class SeedReport
{
    /// <summary>Seconds or pod-minutes as the tables print them (one decimal below 10).</summary>
    internal static string S(double v) => v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string R(double v) => v.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    /// <summary>A count of the median day as the tables print it (a half where the seeds are even).</summary>
    internal static string Count(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A spread as the tables print it: median / worst.</summary>
    internal static string Pair(Spread s, Func<double, string> format) => $"{format(s.Median)} / {format(s.Worst)}";

    private static string Pair(Spread? s) => s is { } v ? Pair(v, R) : SimulationReport.NoRatio;

    /// <summary>The seeds as written back: ranges where they run on (1-20, 25).</summary>
    public static string Seeds(IReadOnlyList<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var parts = new List<string>();
        for (var i = 0; i < seeds.Count;)
        {
            var j = i;
            while (j + 1 < seeds.Count && seeds[j + 1] == seeds[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? seeds[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{seeds[i]}-{seeds[j]}"));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    /// <summary>The summary as a Markdown table, with its legend.</summary>
    public static string Table(SeedSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture,
            $"Simulation `{summary.Scenario}` over seeds {Seeds(summary.Seeds)} ({summary.Seeds.Count} days): the configured autoscaling, median / worst day.");
        b.AppendLine();
        b.AppendLine("| pool | target s | wait p95 s | days on target | pod-minutes | reversals | vs oracle | vs fixed-peak | vs seed | vs steady-oracle |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in summary.Pools)
        {
            var target = p.WaitTargetSeconds == 0 ? "—" : p.WaitTargetSeconds.ToString(CultureInfo.InvariantCulture);
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Pool} | {target} | {Pair(p.P95Wait, S)} | {p.MeetsTarget:P0} | {Pair(p.PodMinutes, S)} | {Pair(p.Reversals, Count)} | {Pair(p.VsOracle)} | {Pair(p.VsFixedPeak)} | {Pair(p.VsSeed)} | {Pair(p.VsSteadyOracle)} |");
        }

        b.AppendLine();
        b.AppendLine("Columns: each cell is the median day / the worst day of the seeds. wait p95 s = seconds from arrival until a worker took");
        b.AppendLine("the task, 95th percentile (all pools: the worst pool of each day); days on target = days whose p95 met the target");
        b.AppendLine("(all pools: every pool did); pod-minutes = pods × minutes (all pools: summed); reversals = changes of direction less than");
        b.AppendLine("10 minutes after the previous one (all pools: the most of any pool); vs oracle / fixed-peak / seed = the day's pod-minutes");
        b.AppendLine("over the clairvoyant whole-pod schedule's, over the fewest fixed pods that meet the target at the declared peak, and over");
        b.AppendLine($"the autoscaling article's HPA's, on the same arrivals ({SimulationReport.NoRatio} where the other needs no pod on some day); vs steady-oracle = over");
        b.AppendLine("the cheapest clairvoyant whole-pod schedule that reverses within the bound (2 an hour, 12 a day): what steadiness itself costs is");
        b.AppendLine("steady-oracle over oracle, what the autoscaler loses by not knowing the arrivals is this column.");
        return b.ToString();
    }

    /// <summary>The summary as JSON: the same figures, each as median and worst.</summary>
    public static string Json(SeedSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        static object Sp(Spread s) => new { median = Math.Round(s.Median, 2), worst = Math.Round(s.Worst, 2) };
        static object? Rt(Spread? s) => s is { } v ? new { median = Math.Round(v.Median, 3), worst = Math.Round(v.Worst, 3) } : null;
        var doc = new
        {
            scenario = summary.Scenario,
            seeds = summary.Seeds,
            policy = "configured",
            pools = summary.Pools.Select(p => new
            {
                name = p.Pool,
                waitTargetSeconds = p.WaitTargetSeconds == 0 ? (int?)null : p.WaitTargetSeconds,
                p95WaitSeconds = Sp(p.P95Wait),
                daysOnTarget = Math.Round(p.MeetsTarget, 3),
                podMinutes = Sp(p.PodMinutes),
                reversals = Sp(p.Reversals),
                vsOracle = Rt(p.VsOracle),
                vsFixedPeak = Rt(p.VsFixedPeak),
                vsSeed = Rt(p.VsSeed),
                vsSteadyOracle = Rt(p.VsSteadyOracle),
                steadyOracleVsOracle = Rt(p.SteadyOracleVsOracle),
            }),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }
}
