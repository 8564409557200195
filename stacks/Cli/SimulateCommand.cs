using System.CommandLine;
using Superset.Analysis.Commands;
using Superset.Analysis.Cost;
using Superset.Analysis.Simulation;
using Superset.Planning.Sizing;

namespace Superset.Cli;

/// <summary>
/// <c>simulate &lt;stack&gt; [--scenario &lt;name&gt; | --trace &lt;file.csv&gt;] [--json] [--chart &lt;file&gt;] [--seed N | --seeds 1-20] [--frontier]</c>:
/// every pool of the stack through a scenario under its own HPAs, the autoscaling article's HPA, static replicas
/// and the oracle bound, on the same arrivals; each pool's pod-minutes also in dollars when the stack has prices.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>One <c>simulate</c> command line, parsed.</summary>
    /// <param name="Stack">The stack name or file.</param>
    /// <param name="Scenario">The <c>--scenario</c> name.</param>
    /// <param name="ScenarioGiven">Whether <c>--scenario</c> was on the command line (not its default).</param>
    /// <param name="Trace">The <c>--trace</c> file, if any.</param>
    /// <param name="Json">Print JSON.</param>
    /// <param name="Chart">The <c>--chart</c> file, if any.</param>
    /// <param name="Seed">The random seed.</param>
    /// <param name="Frontier">Print the frontier instead of the policies.</param>
    internal sealed record Request(string Stack, string Scenario, bool ScenarioGiven, string? Trace, bool Json, string? Chart, int Seed, bool Frontier)
    {
        /// <summary>The <c>--seeds</c> list (<c>1-20</c>, <c>1,3,5</c>), if any: a summary over those days.</summary>
        public string? Seeds { get; init; }
    }

    public static Command Create(string root)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var scenario = new Option<string>("--scenario") { Description = $"One of {string.Join(", ", Scenario.Names)}", DefaultValueFactory = _ => "spike" };
        var trace = new Option<string?>("--trace") { Description = "A CSV of seconds,queue,arrivals instead of a scenario" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var chart = new Option<string?>("--chart") { Description = "Write an HTML chart (arrivals, depth and replicas per pool) to this file; its folder is created" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same report", DefaultValueFactory = _ => 1 };
        var frontier = new Option<bool>("--frontier") { Description = "Instead of the policies (no --chart): per pool, the cheapest of a grid of HPA shapes that meets the wait target, against the configured HPA and the oracle; with --seeds, the cheapest shape that holds across those days of every scenario" };
        var seeds = new Option<string?>("--seeds") { Description = "Many days instead of one: seeds as 1-20 or 1,3,5; prints per pool the median and worst day" };
        var command = new Command("simulate", "Simulate each worker pool's queue under its autoscaler") { stack, scenario, trace, json, chart, seed, frontier, seeds };
        command.SetAction(r => Run(
            new Request(r.GetValue(stack)!, r.GetValue(scenario)!, r.GetResult(scenario) is { Implicit: false }, r.GetValue(trace), r.GetValue(json), r.GetValue(chart), r.GetValue(seed), r.GetValue(frontier))
            {
                Seeds = r.GetValue(seeds),
            },
            r.InvocationConfiguration.Output, root));
        return command;
    }

    /// <summary>
    /// Runs one simulation and prints it. Every value is checked before the simulation runs (a chart
    /// that cannot be written fails in a second, not after the simulation); a problem throws
    /// <see cref="UsageException"/> or the planner's settings error.
    /// </summary>
    public static int Run(Request request, TextWriter stdout, string root)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        if (request.Trace is not null && request.ScenarioGiven)
        {
            throw new UsageException("--scenario", request.Scenario, $"give --scenario or --trace {request.Trace}, not both");
        }

        if (request.Frontier && request.Chart is { } refused)
        {
            throw new UsageException("--chart", refused, "no --chart with --frontier (the frontier has no time series; run without --frontier for the chart)");
        }

        var days = request.Seeds is { } list ? SeedList(list) : null;
        if (days is not null && request.Chart is not null)
        {
            throw new UsageException("--seeds", request.Seeds!, "no --chart with --seeds (a chart draws one day)");
        }

        var chart = request.Chart is { } file ? UserPaths.OutputFile("--chart", file) : null;
        var (plan, origin) = Planner.PlanFile(StackArgument.Resolve("<stack>", request.Stack, root), root);
        var chosen = request.Trace is { } path
            ? Scenario.FromCsv(path, UserPaths.ReadText("--trace", path), plan.Queues.Select(q => q.Name).ToList())
            : Scenario.Named(request.Scenario, plan);
        if (request.Frontier && days is not null)
        {
            if (request.ScenarioGiven || request.Trace is not null)
            {
                throw new UsageException(request.Trace is null ? "--scenario" : "--trace", request.Trace ?? request.Scenario, $"--frontier --seeds runs every scenario ({string.Join(", ", DayFrontier.Scenarios)}): leave the scenario out");
            }

            if (request.Json)
            {
                throw new UsageException("--json", "true", "--frontier --seeds prints a table only; --json goes with --seeds or --frontier alone");
            }

            stdout.Write(DayFrontierReport.Table(days, DayFrontier.Run(plan, days)));
            return 0;
        }

        if (request.Frontier)
        {
            var points = Frontier.Run(plan, chosen, request.Seed);
            stdout.Write(request.Json ? SimulationReport.FrontierJson(chosen.Name, points) + Environment.NewLine : SimulationReport.FrontierTable(chosen.Name, points));
            return 0;
        }

        if (days is not null)
        {
            var summary = SeedSummary.Run(plan, chosen, days);
            stdout.Write(request.Json ? SeedReport.Json(summary) + Environment.NewLine : SeedReport.Table(summary) + Hours(plan));
            return 0;
        }

        var result = Simulator.Run(plan, chosen, request.Seed);
        // Money is a column beside the autoscaling, not its condition: a stack without prices
        // is simulated all the same and told why its column is missing.
        var cost = CostOutcome.Of(plan, origin);
        var money = PolicyMoney.For(cost.Cost, chosen);
        stdout.Write(request.Json ? SimulationReport.Json(result, money) + Environment.NewLine : SimulationReport.Table(result, money) + Hours(plan));
        if (cost.Problem is not null && !request.Json)
        {
            stdout.WriteLine();
            stdout.WriteLine($"No money column: the stack has no prices ({cost.Problem}).");
        }

        if (chart is not null)
        {
            UserPaths.WriteText("--chart", chart, SimulationReport.Chart(result));
        }

        return 0;
    }

    /// <summary>The most days one <c>--seeds</c> may ask for.</summary>
    public const int MaxSeeds = 1000;

    /// <summary><c>1-20</c>, <c>1,3,5</c> or both (<c>1-5,9</c>): positive seeds, at most <see cref="MaxSeeds"/>, each once, in order.</summary>
    public static IReadOnlyList<int> SeedList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seeds = new SortedSet<int>();
        foreach (var part in text.Split(','))
        {
            var bounds = part.Trim().Split('-');
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
                || int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(bounds[^1], System.Globalization.CultureInfo.InvariantCulture)
                || int.Parse(bounds[^1], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture) >= MaxSeeds)
            {
                throw new UsageException("--seeds", text, $"`{part.Trim()}` is not a seed or a range: positive whole numbers such as 1-20 or 1,3,5, at most {MaxSeeds} seeds");
            }

            for (var n = int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture); n <= int.Parse(bounds[^1], System.Globalization.CultureInfo.InvariantCulture); n++)
            {
                seeds.Add(n);
            }
        }

        if (seeds.Count > MaxSeeds)
        {
            throw new UsageException("--seeds", text, $"{seeds.Count} seeds: at most {MaxSeeds}");
        }

        return seeds.ToList();
    }

    /// <summary>The working hours under the table, after a blank line, where a pool has them.</summary>
    private static string Hours(Planning.StackPlan plan) => SimulationReport.WorkingHours(plan) is { Length: > 0 } text ? Environment.NewLine + text : "";
}
