using System.CommandLine;
using Superset.Stacks.Monitoring;
using Superset.Stacks.Settings;

namespace Superset.Stacks.Cli;

/// <summary>
/// <c>monitoring &lt;stack&gt; --out &lt;dir&gt;</c>: writes the stack's Prometheus rule file
/// (<c>superset-rules.yaml</c>, what its PrometheusRules hold, for <c>promtool check rules</c> and
/// <c>promtool test rules</c>) and the prometheus-adapter values it needs (<c>adapter-values.yaml</c>),
/// without Pulumi.
/// </summary>
internal static class MonitoringCommand
{
    public const string RulesFile = "superset-rules.yaml";
    public const string AdapterFile = "adapter-values.yaml";

    public static Command Create(string root)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var output = new Option<string>("--out") { Description = "Directory to write the files into", Required = true };
        var command = new Command("monitoring", "Write the stack's alert rules and prometheus-adapter rules") { stack, output };
        command.SetAction(r => Run(r.GetValue(stack)!, r.GetValue(output)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, root));
        return command;
    }

    public static int Run(string stack, string outDir, TextWriter stdout, TextWriter stderr, string root)
    {
        try
        {
            var plan = PlanCommand.Load(stack, root);
            Directory.CreateDirectory(outDir);
            var groups = AlertRules.For(AlertThresholds.For(plan));
            File.WriteAllText(Path.Combine(outDir, RulesFile), AlertRules.RuleFile(groups));
            File.WriteAllText(Path.Combine(outDir, AdapterFile), AdapterRules.ValuesYaml());
            stdout.WriteLine($"{groups.Sum(g => g.Rules.Count)} alert rules in {groups.Count} groups and the adapter rules of stack {stack} written to {outDir}");
            return 0;
        }
        catch (SettingsException ex)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }
    }
}
