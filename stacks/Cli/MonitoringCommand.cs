using System.CommandLine;
using Superset.Artifacts.Monitoring;
using Superset.Planning;

namespace Superset.Cli;

/// <summary>
/// <c>monitoring &lt;stack&gt; --out &lt;dir&gt;</c>: writes the stack's Prometheus rule file
/// (<c>superset-rules.yaml</c>, what its PrometheusRules hold, for <c>promtool check rules</c> and
/// <c>promtool test rules</c>), the prometheus-adapter values it needs (<c>adapter-values.yaml</c>),
/// and its Grafana dashboards (<c>superset-*.json</c>, with every panel expression as a rule file for
/// promtool), without Pulumi.
/// </summary>
internal static class MonitoringCommand
{
    public const string RulesFile = "superset-rules.yaml";
    public const string AdapterFile = "adapter-values.yaml";
    public const string DashboardExpressionsFile = "dashboard-expressions.yaml";

    public static Command Create(string root) =>
        OutputCommand.Create("monitoring", "Write the stack's alert rules and prometheus-adapter rules", root, Write);

    private static string Write(StackPlan plan, string stack, string outDir)
    {
        var groups = AlertRules.For(AlertThresholds.For(plan));
        File.WriteAllText(Path.Combine(outDir, RulesFile), AlertRules.RuleFile(groups));
        File.WriteAllText(Path.Combine(outDir, AdapterFile), AdapterRules.ValuesYaml());
        var dashboards = Dashboards.For(plan);
        foreach (var dashboard in dashboards)
        {
            File.WriteAllText(Path.Combine(outDir, $"{dashboard.Uid}.json"), Dashboards.Json(dashboard, plan.Namespace));
        }

        File.WriteAllText(Path.Combine(outDir, DashboardExpressionsFile), Dashboards.ExpressionsAsRules(dashboards, plan.Namespace));
        return $"{groups.Sum(g => g.Rules.Count)} alert rules in {groups.Count} groups, the adapter rules and {dashboards.Count} dashboards of stack {stack} written to {outDir}";
    }
}
