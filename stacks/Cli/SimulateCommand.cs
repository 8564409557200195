using System.CommandLine;
using Superset.Analysis.Cost;
using Superset.Analysis.Simulation;
using Superset.Configuration;
using Superset.Planning.Sizing;

namespace Superset.Cli;

/// <summary>
/// <c>simulate &lt;stack&gt; [--scenario &lt;name&gt; | --trace &lt;file.csv&gt;] [--json] [--chart &lt;file&gt;] [--seed N] [--frontier]</c>:
/// every pool of the stack through a scenario under its own HPAs, the autoscaling article's HPA, static replicas
/// and the oracle bound, on the same arrivals; each pool's pod-minutes also in dollars when the stack has prices.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(string root)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var scenario = new Option<string>("--scenario") { Description = $"One of {string.Join(", ", Scenario.Names)}", DefaultValueFactory = _ => "spike" };
        var trace = new Option<string?>("--trace") { Description = "A CSV of seconds,queue,arrivals instead of a scenario" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var chart = new Option<string?>("--chart") { Description = "Write an HTML chart (arrivals, depth and replicas per pool) to this file" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same report", DefaultValueFactory = _ => 1 };
        var frontier = new Option<bool>("--frontier") { Description = "Instead of the policies (no --chart): per pool, the cheapest of a grid of HPA shapes that meets the wait target, against the configured HPA and the oracle" };
        var command = new Command("simulate", "Simulate each worker pool's queue under its autoscaler") { stack, scenario, trace, json, chart, seed, frontier };
        command.SetAction(r =>
        {
            var stdout = r.InvocationConfiguration.Output;
            try
            {
                var (plan, origin) = Planner.PlanFile(r.GetValue(stack)!, root);
                var path = r.GetValue(trace);
                var chosen = path is null ? Scenario.Named(r.GetValue(scenario)!, plan) : Scenario.FromCsv(path, File.ReadAllText(path));
                if (r.GetValue(frontier))
                {
                    if (r.GetValue(chart) is { } refused)
                    {
                        throw new SettingsException("simulate", [new SettingsError("--chart", refused, "no --chart with --frontier (the frontier has no time series; run without --frontier for the chart)")]);
                    }

                    var points = Frontier.Run(plan, chosen, r.GetValue(seed));
                    stdout.Write(r.GetValue(json) ? SimulationReport.FrontierJson(chosen.Name, points) + Environment.NewLine : SimulationReport.FrontierTable(chosen.Name, points));
                    return 0;
                }

                var result = Simulator.Run(plan, chosen, r.GetValue(seed));
                // Money is a column beside the autoscaling, not its condition: a stack without prices
                // is simulated all the same and told why its column is missing.
                var cost = CostOutcome.Of(plan, origin);
                var money = PolicyMoney.For(cost.Cost, chosen);
                stdout.Write(r.GetValue(json) ? SimulationReport.Json(result, money) + Environment.NewLine : SimulationReport.Table(result, money));
                if (cost.Problem is not null && !r.GetValue(json))
                {
                    stdout.WriteLine();
                    stdout.WriteLine($"No money column: the stack has no prices ({cost.Problem}).");
                }
                if (r.GetValue(chart) is { } file)
                {
                    File.WriteAllText(file, SimulationReport.Chart(result));
                }

                return 0;
            }
            catch (SettingsException ex)
            {
                r.InvocationConfiguration.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }
}
