using System.Globalization;
using System.Text;

namespace Superset.Analysis.Simulation;

/// <summary><c>simulate --frontier --seeds</c>: each pool's configured shape and the best found across days (<see cref="DayFrontier"/>).</summary>
public static class DayFrontierReport
{
    /// <summary>The result as a Markdown table, the settings that deploy each chosen shape, and a legend.</summary>
    public static string Table(IReadOnlyList<int> seeds, IReadOnlyList<DayFrontierResult> results)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(results);
        var budgets = string.Join(", ", DayFrontier.ReversalBudgets.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Value} ({kv.Key})")));
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture,
            $"Frontier across days: seeds {SeedReport.Seeds(seeds)} of {string.Join(", ", DayFrontier.Scenarios)}. A shape holds when its p95 wait meets the target on at least {DayFrontier.OnTargetShare:P0} of the runs of {string.Join(" and ", DayFrontier.ReversalBudgets.Keys)}, and the median day reverses at most {budgets} times. The cheapest that holds with a margin ({DayFrontier.SearchMargin:P0} of the way from each bound to perfect, for the days it was not chosen on) is chosen; cost: the median day's pod-minutes summed over the scenarios.");
        b.AppendLine();
        b.AppendLine("| pool | shape | holds | scenario | days on target | wait p95 s | pod-minutes | reversals |");
        b.AppendLine("|---|---|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var (name, shape) in new[] { ("configured", r.Configured), ("chosen", r.Chosen) })
            {
                foreach (var s in shape.Scenarios)
                {
                    var budget = s.ReversalBudget is { } v ? string.Create(CultureInfo.InvariantCulture, $" (≤ {v})") : "";
                    b.AppendLine(CultureInfo.InvariantCulture,
                        $"| {r.Pool} | {name} | {(shape.Holds ? "yes" : $"no ({shape.OnTarget:P0} on target)")} | {s.Scenario} | {s.DaysOnTarget}/{s.Days} | {SeedReport.Pair(s.P95Wait, SeedReport.S)} | {SeedReport.Pair(s.PodMinutes, SeedReport.S)} | {SeedReport.Pair(s.Reversals, SeedReport.Count)}{budget} |");
                }
            }
        }

        b.AppendLine();
        foreach (var r in results)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {r.Pool} ({r.Tried} shapes over every day): {(ReferenceEquals(r.Chosen, r.Configured) ? "the configured shape stays" : r.Chosen.Shape.Label)}; deploy with {r.Chosen.Shape.Settings(r.Pool)}");
        }

        b.AppendLine();
        b.AppendLine("Columns: each cell is the median day / the worst day of the seeds; wait p95 s = seconds from arrival until a worker");
        b.AppendLine("took the task, 95th percentile; pod-minutes = pods × minutes; reversals = changes of direction less than 10 minutes");
        b.AppendLine("after the previous one, with the median day's budget where the scenario is judged.");
        return b.ToString();
    }
}
