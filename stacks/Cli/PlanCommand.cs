using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Superset.Analysis.Commands;
using Superset.Analysis.Cost;
using Superset.Analysis.Plans;
using Superset.Analysis.Simulation;
using Superset.Artifacts;
using Superset.Planning;
using Superset.Planning.Sizing;

namespace Superset.Cli;

/// <summary>
/// <c>plan &lt;stack&gt; [--json] [--diff &lt;base&gt;]</c>: loads a stack file, plans and prices it, prints the
/// table or JSON; with <c>--diff</c>, how the monthly cost moves and every computed size that differs
/// from the base stack file's plan.
/// </summary>
internal static class PlanCommand
{
    /// <summary>The <c>plan</c> subcommand for System.CommandLine.</summary>
    public static Command Create(string root)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON: the `plan` stack output's shape, plus `cost`" };
        var diff = new Option<string?>("--diff") { Description = "Show how the monthly cost and every computed size differ from this base stack (name or file)" };
        var command = new Command("plan", "Compute and check every size of a stack from its tier and config") { stack, json, diff };
        command.SetAction(r => Run(r.GetValue(stack)!, r.GetValue(json), r.GetValue(diff), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, root));
        return command;
    }

    /// <summary>
    /// Plans and prices <paramref name="stack"/>; exit code 0, or 1 with every problem printed by key (or the argument that names no stack file).
    /// With a base, the cost of either side that has no prices is reported in the diff, not as a failure.
    /// </summary>
    public static int Run(string stack, bool json, string? diffBase, TextWriter stdout, TextWriter stderr, string root)
    {
        try
        {
            var (plan, origin) = Planner.PlanFile(StackArgument.Resolve("<stack>", stack, root), root);
            if (diffBase is not null)
            {
                var (before, beforeOrigin) = Planner.PlanFile(StackArgument.Resolve("--diff", diffBase, root), root);
                var (costBefore, costAfter) = (CostOutcome.Of(before, beforeOrigin), CostOutcome.Of(plan, origin));
                stdout.Write(json
                    ? PlanDiff.Json(before, plan, costBefore.Cost, costAfter.Cost)
                    : CostReport.Diff(costBefore, costAfter, diffBase, stack) + Environment.NewLine + PlanDiff.Table(before, plan, diffBase, stack));
                return 0;
            }

            var cost = CostModel.Price(plan, origin);
            if (json)
            {
                var doc = JsonNode.Parse(PlanDocument.Json(plan))!.AsObject();
                doc["cost"] = CostReport.Json(cost);
                stdout.WriteLine(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }

            stdout.Write(PlanTable.Of(plan));
            stdout.WriteLine();
            stdout.Write(CostReport.Table(cost));
            foreach (var warning in SpikeWarnings(plan))
            {
                stdout.WriteLine(warning);
            }

            return 0;
        }
        catch (Exception ex) when (CommandErrors.IsUserError(ex))
        {
            return CommandErrors.Report(ex, "plan", stderr);
        }
    }

    /// <summary>
    /// The pools whose own autoscaler misses their wait target in the <c>spike</c> simulation, each
    /// with the setting to change: <c>maxReplicas</c> when even the pool at its maximum misses (too
    /// little capacity), else <c>scaleUpThreshold</c> (it scales too late).
    /// </summary>
    public static IEnumerable<string> SpikeWarnings(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = Simulator.Run(plan, Scenario.Named("spike", plan), policies: ["configured", "static"]);
        var configured = result.Policies.Single(p => p.Name == "configured").Queues;
        var atMax = result.Policies.Single(p => p.Name == "static").Queues.ToDictionary(q => q.Name);
        foreach (var q in configured.Where(q => !q.MeetsTarget))
        {
            var pool = plan.Queues.Single(p => p.Name == q.Name);
            var fix = atMax[q.Name].MeetsTarget
                ? $"lower superset:queues.{q.Name}.scaleUpThreshold (now {pool.Autoscaler.ScaleUpThreshold}) or raise minReplicas (now {pool.Replicas.Min}): it scales too late"
                : $"raise superset:queues.{q.Name}.maxReplicas (now {pool.Replicas.Max}): even at its maximum the pool is too small";
            yield return string.Create(CultureInfo.InvariantCulture,
                $"warning: in the spike simulation (arrivals rising tenfold to queues.{q.Name}.peakTasksPerMinute {pool.Tasks.PeakPerMinute}), pool {q.Name} waits {q.P95WaitSeconds:0} s at p95 against its target of {q.WaitTargetSeconds} s; {fix} (`simulate` shows the details)");
        }
    }
}
