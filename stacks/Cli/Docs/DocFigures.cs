using System.Globalization;
using System.Text.RegularExpressions;
using Superset.Analysis.Cost;
using Superset.Analysis.Simulation;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Planning.Sizing;

namespace Superset.Cli.Docs;

/// <summary>
/// Every figure the documents quote, each produced by the tools: a cost from the cost model, a wait
/// or a ratio from the simulator, an error from the loader and the planner, a benchmark from
/// BenchmarkDotNet's committed report. In a document a figure stands between
/// <c>&lt;!-- figure:NAME --&gt;</c> and <c>&lt;!-- /figure --&gt;</c>; <c>docs</c> writes each, and a
/// test fails when a quoted figure differs from what the tools produce now.
/// </summary>
public static partial class DocFigures
{
    /// <summary>Every figure by name: what produces it, given the repository root.</summary>
    public static IReadOnlyDictionary<string, Func<string, string>> All { get; } = Build();

    /// <summary>The marker around a figure; group 1 its name, group 2 the quoted text.</summary>
    [GeneratedRegex(@"<!-- figure:([a-z0-9.-]+) -->(.*?)<!-- /figure -->", RegexOptions.Singleline)]
    public static partial Regex Marker();

    /// <summary>The document with every figure written as the tools produce it now.</summary>
    public static string Fill(string markdown, string root) =>
        Marker().Replace(markdown, m => $"<!-- figure:{m.Groups[1].Value} -->{Produce(m.Groups[1].Value, root, Layout(m.Groups[2].Value))}<!-- /figure -->");

    /// <summary>Every figure of a document: its name, the text quoted, the text the tools produce.</summary>
    public static IEnumerable<(string Name, string Quoted, string Produced)> Check(string markdown, string root) =>
        Marker().Matches(markdown).Select(m => (m.Groups[1].Value, m.Groups[2].Value, Produce(m.Groups[1].Value, root, Layout(m.Groups[2].Value))));

    private static string Produce(string name, string root, bool block) =>
        All.TryGetValue(name, out var produce)
            ? block ? $"\n{produce(root)}\n" : produce(root)
            : throw new ArgumentException($"no figure named {name} (stacks/Cli/Docs/DocFigures.cs)", nameof(name));

    /// <summary>A figure on lines of its own (a table, a message) keeps its newlines around it.</summary>
    private static bool Layout(string quoted) => quoted.StartsWith('\n');

    private static Dictionary<string, Func<string, string>> Build()
    {
        var figures = new Dictionary<string, Func<string, string>>(StringComparer.Ordinal);
        foreach (var stack in new[] { "dev", "prod" })
        {
            figures[$"cost.{stack}.monthly-min"] = root => CostReport.Usd(Cost(root, stack).MonthlyAtMin);
            figures[$"cost.{stack}.monthly-max"] = root => CostReport.Usd(Cost(root, stack).MonthlyAtMax);
        }

        figures["plan.prod.refusal"] = root => Refusal(root);
        foreach (var tier in SimulatedDays.Tiers)
        {
            // Median (worst) of seeds 1-20, from the committed summaries (SimulatedDays).
            foreach (var scenario in new[] { "spike", "business-day" })
            {
                System.Text.Json.Nodes.JsonNode AllPools(string root) => SimulatedDays.Pool(root, tier, scenario, SeedSummary.AllPools);
                figures[$"simulate.{scenario}.ratio.{tier}"] = root => Spread(AllPools(root)["vsOracle"]!, "0.00", "×");
                figures[$"simulate.{scenario}.vs-fixed-peak.{tier}"] = root => Spread(AllPools(root)["vsFixedPeak"]!, "0.00", "×");
                figures[$"simulate.{scenario}.on-target.{tier}"] = root => Invariant($"{AllPools(root)["daysOnTarget"]!.GetValue<double>() * 100:0} %");
            }

            figures[$"simulate.refresh-storm.default-p95.{tier}"] =
                root => Spread(SimulatedDays.Pool(root, tier, "refresh-storm", QueueNames.Default)["p95WaitSeconds"]!, "0", " s");
        }

        figures["benchmarks.table"] = root => Benchmarks.Table(root);
        return figures;
    }

    private static StackCost Cost(string root, string stack) => CostModel.Price(Planner.PlanFile(stack, root).Plan, $"Pulumi.{stack}.yaml");

    /// <summary>The refusal of prod with a database class too small for its connection budget, as plan prints it.</summary>
    private static string Refusal(string root)
    {
        var yaml = File.ReadAllText(Path.Combine(root, "Pulumi.prod.yaml")).Replace("instanceClass: db.r6g.large", "instanceClass: db.t4g.medium", StringComparison.Ordinal);
        try
        {
            Planner.Plan(SettingsLoader.Load(StackFile.Parse(yaml, "the config of stack prod (Pulumi.prod.yaml)")), "the config of stack prod (Pulumi.prod.yaml)");
            throw new InvalidOperationException("prod on db.t4g.medium planned: the example refusal no longer holds");
        }
        catch (SettingsException ex)
        {
            return "```\n" + ex.Message + "\n```";
        }
    }

    /// <summary>A stack with only its tier set, on AWS data services (the tier's own sizes).</summary>
    public static string TierStack(string tier) =>
        $"config:\n  aws:region: eu-west-1\n  superset:tier: {tier}\n  superset:dataServices: aws\n  superset:aws:\n    vpcId: vpc-0123456789abcdef0\n" +
        "    privateSubnetIds: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]\n    clientSecurityGroupId: sg-0123456789abcdef0\n";

    /// <summary>"1.63× (worst 1.80×)": a median and worst of a committed summary.</summary>
    private static string Spread(System.Text.Json.Nodes.JsonNode spread, string format, string unit) =>
        Invariant($"{spread["median"]!.GetValue<double>().ToString(format, CultureInfo.InvariantCulture)}{unit} (worst {spread["worst"]!.GetValue<double>().ToString(format, CultureInfo.InvariantCulture)}{unit})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
