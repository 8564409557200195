using System.Text;
using Superset.Stacks.Settings;
using Superset.Stacks.Sizing;

namespace Superset.Stacks.Cli;

/// <summary>
/// <c>plan &lt;stack&gt; [--json] [--diff &lt;base&gt;]</c>: loads a stack file, plans it, prints the table or JSON;
/// with <c>--diff</c>, every computed size that differs from the base stack file's plan.
/// </summary>
internal static class PlanCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string root)
    {
        string? stack = null, diffBase = null;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--diff" when i + 1 < args.Count:
                    diffBase = args[++i];
                    break;
                case var a when a.StartsWith('-') || stack is not null:
                    return Usage(stderr, $"unexpected argument '{a}'");
                default:
                    stack = args[i];
                    break;
            }
        }

        if (stack is null)
        {
            return Usage(stderr, "missing <stack>");
        }

        try
        {
            var plan = Load(stack, root);
            if (diffBase is not null)
            {
                var before = Load(diffBase, root);
                stdout.Write(json ? PlanDiff.Json(before, plan) : PlanDiff.Table(before, plan, diffBase, stack));
            }
            else
            {
                stdout.Write(json ? PlanReport.Json(plan) + Environment.NewLine : PlanReport.Table(plan));
            }

            return 0;
        }
        catch (SettingsException ex)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }
    }

    /// <summary>Reads, validates and plans one stack file.</summary>
    public static StackPlan Load(string stackOrPath, string root)
    {
        var source = StackFile.Load(StackFile.Resolve(stackOrPath, root));
        return Planner.Plan(SettingsLoader.Load(source), source.Origin);
    }

    private static int Usage(TextWriter stderr, string problem)
    {
        var b = new StringBuilder();
        b.Append("plan: ").AppendLine(problem);
        b.AppendLine("usage: plan <stack|Pulumi.<stack>.yaml> [--json] [--diff <base stack|file>]");
        stderr.Write(b.ToString());
        return 2;
    }
}
