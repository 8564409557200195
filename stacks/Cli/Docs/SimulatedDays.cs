using System.Text.Json.Nodes;
using Superset.Analysis.Simulation;
using Superset.Configuration.Reading;
using Superset.Planning.Sizing;

namespace Superset.Cli.Docs;

/// <summary>
/// The simulated figures the documents quote: each tier's own stack (<see cref="DocFigures.TierStack"/>)
/// over seeds 1–20 of each scenario, the median and the worst day, never one day. Twenty business days
/// of the large tier take minutes, too long for every test run, so <c>docs --simulate</c> writes each
/// summary (exactly what <c>simulate --seeds 1-20 --json</c> prints) under docs/figures/, the figures
/// are read from there, and a test re-runs the cheapest one (small, spike) and compares it byte for byte.
/// </summary>
public static class SimulatedDays
{
    /// <summary>The seeds every quoted figure covers.</summary>
    public static IReadOnlyList<int> Seeds { get; } = Enumerable.Range(1, 20).ToList();

    /// <summary>The tiers.</summary>
    public static IReadOnlyList<string> Tiers { get; } = ["small", "medium", "large"];

    /// <summary>The scenarios the documents quote.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ["spike", "business-day", "refresh-storm"];

    /// <summary>The committed summary of a tier and scenario, relative to the repository root.</summary>
    public static string File(string tier, string scenario) => Path.Combine("docs", "figures", $"simulate-{tier}-{scenario}.json");

    /// <summary>The summary as the simulator produces it now (the text <c>simulate --seeds 1-20 --json</c> prints).</summary>
    public static string Produce(string tier, string scenario)
    {
        var plan = Planner.Plan(SettingsLoader.Load(StackFile.Parse(DocFigures.TierStack(tier), tier)), tier);
        return SeedReport.Json(SeedSummary.Run(plan, Scenario.Named(scenario, plan), Seeds)) + "\n";
    }

    /// <summary>Writes every summary under <paramref name="root"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string root)
    {
        var written = new List<string>();
        foreach (var tier in Tiers)
        {
            foreach (var scenario in Scenarios)
            {
                var path = Path.Combine(root, File(tier, scenario));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                System.IO.File.WriteAllText(path, Produce(tier, scenario));
                written.Add(File(tier, scenario));
            }
        }

        return written;
    }

    /// <summary>A pool's row of a committed summary (<see cref="SeedSummary.AllPools"/> for all pools).</summary>
    public static JsonNode Pool(string root, string tier, string scenario, string pool)
    {
        var path = Path.Combine(root, File(tier, scenario));
        var doc = JsonNode.Parse(System.IO.File.ReadAllText(path))
            ?? throw new InvalidDataException($"{File(tier, scenario)} is empty: run docs --simulate");
        var seeds = doc["seeds"]!.AsArray().Select(s => s!.GetValue<int>()).ToList();
        if (!seeds.SequenceEqual(Seeds) || doc["scenario"]!.GetValue<string>() != scenario)
        {
            throw new InvalidDataException($"{File(tier, scenario)} is not scenario {scenario} over seeds 1-20: run docs --simulate");
        }

        return doc["pools"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == pool)!;
    }
}
