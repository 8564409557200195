using System.CommandLine;
using Superset.Analysis.Commands;
using Superset.Analysis.Cost;
using Superset.Analysis.Simulation;
using Superset.Planning.Sizing;

namespace Superset.Cli;

/// <summary>
/// <c>simulate &lt;stack&gt; [--scenario &lt;name&gt; | --trace &lt;file.csv&gt;] [--json] [--chart &lt;file&gt;] [--seed N] [--frontier]</c>:
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
    internal sealed record Request(string Stack, string Scenario, bool ScenarioGiven, string? Trace, bool Json, string? Chart, int Seed, bool Frontier);

    public static Command Create(string root)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var scenario = new Option<string>("--scenario") { Description = $"One of {string.Join(", ", Scenario.Names)}", DefaultValueFactory = _ => "spike" };
        var trace = new Option<string?>("--trace") { Description = "A CSV of seconds,queue,arrivals instead of a scenario" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var chart = new Option<string?>("--chart") { Description = "Write an HTML chart (arrivals, depth and replicas per pool) to this file; its folder is created" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same report", DefaultValueFactory = _ => 1 };
        var frontier = new Option<bool>("--frontier") { Description = "Instead of the policies (no --chart): per pool, the cheapest of a grid of HPA shapes that meets the wait target, against the configured HPA and the oracle" };
        var command = new Command("simulate", "Simulate each worker pool's queue under its autoscaler") { stack, scenario, trace, json, chart, seed, frontier };
        command.SetAction(r => Run(
            new Request(r.GetValue(stack)!, r.GetValue(scenario)!, r.GetResult(scenario) is { Implicit: false }, r.GetValue(trace), r.GetValue(json), r.GetValue(chart), r.GetValue(seed), r.GetValue(frontier)),
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

        var chart = request.Chart is { } file ? UserPaths.OutputFile("--chart", file) : null;
        var (plan, origin) = Planner.PlanFile(StackArgument.Resolve("<stack>", request.Stack, root), root);
        var chosen = request.Trace is { } path
            ? Scenario.FromCsv(path, UserPaths.ReadText("--trace", path), plan.Queues.Select(q => q.Name).ToList())
            : Scenario.Named(request.Scenario, plan);
        if (request.Frontier)
        {
            var points = Frontier.Run(plan, chosen, request.Seed);
            stdout.Write(request.Json ? SimulationReport.FrontierJson(chosen.Name, points) + Environment.NewLine : SimulationReport.FrontierTable(chosen.Name, points));
            return 0;
        }

        var result = Simulator.Run(plan, chosen, request.Seed);
        // Money is a column beside the autoscaling, not its condition: a stack without prices
        // is simulated all the same and told why its column is missing.
        var cost = CostOutcome.Of(plan, origin);
        var money = PolicyMoney.For(cost.Cost, chosen);
        stdout.Write(request.Json ? SimulationReport.Json(result, money) + Environment.NewLine : SimulationReport.Table(result, money));
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
}
