using System.Text.RegularExpressions;
using Superset.Stacks.Monitoring;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The generated alert rules, checked and unit-tested by Prometheus's own promtool.</summary>
public sealed partial class AlertRulesTests
{
    private static IReadOnlyList<AlertGroup> RulesOf(string yaml) => AlertRules.For(AlertThresholds.For(PlannerTests.PlanOf(yaml)));

    private static string ProdYaml => File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "Pulumi.prod.yaml"));

    private static string DevYaml => File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "Pulumi.dev.yaml"));

    private static (int Code, string Output) Promtool(string dir, string verb, string file)
    {
        var (code, stdout, stderr) = Tools.Run(Tools.Require("promtool", "prometheus"), [verb, "rules", Path.Combine(dir, file)]);
        return (code, stdout + stderr);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Promtool_accepts_every_rule_of_the_stack(string stack)
    {
        var dir = Directory.CreateTempSubdirectory("superset-rules-").FullName;
        File.WriteAllText(Path.Combine(dir, "rules.yaml"), AlertRules.RuleFile(RulesOf(stack == "prod" ? ProdYaml : DevYaml)));

        var (code, output) = Promtool(dir, "check", "rules.yaml");

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_fires_on_series_that_should_fire_it_and_stays_silent_otherwise()
    {
        var dir = Directory.CreateTempSubdirectory("superset-rules-").FullName;
        File.WriteAllText(Path.Combine(dir, "superset-rules.yaml"), AlertRules.RuleFile(RulesOf(ProdYaml), annotations: false));
        File.Copy(Path.Combine(PlannerTests.RepoRoot(), "tests", "alerts", "prod.test.yaml"), Path.Combine(dir, "prod.test.yaml"));

        var (code, output) = Promtool(dir, "test", "prod.test.yaml");

        Assert.True(code == 0, output);
    }

    [Fact]
    public void The_unit_tests_cover_every_alert_name()
    {
        var tested = AlertName().Matches(File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "tests", "alerts", "prod.test.yaml")))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var generated = RulesOf(ProdYaml).SelectMany(g => g.Rules).Select(r => r.Alert).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(generated.Except(tested));
    }

    [Fact]
    public void Every_rule_has_a_severity_a_summary_and_a_description_that_says_what_to_do()
    {
        foreach (var rule in RulesOf(ProdYaml).SelectMany(g => g.Rules))
        {
            Assert.Contains(rule.Severity, new[] { "critical", "warning" });
            Assert.False(string.IsNullOrWhiteSpace(rule.Summary), rule.Alert);
            // A runbook line: a config key to change, a command to run, or a check to make.
            Assert.Matches("superset:|kubectl|celery |CONFIG GET|[Cc]heck", rule.Description);
        }
    }

    [Fact]
    public void Every_metric_an_expression_reads_is_one_an_exporter_of_this_stack_exposes()
    {
        foreach (var rule in RulesOf(ProdYaml).SelectMany(g => g.Rules))
        {
            PromQl.AssertMetricsKnown(rule.Expr, rule.Alert);
        }
    }

    [Fact]
    public void Thresholds_follow_each_pool()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:queues:\n    exports:\n      maxReplicas: 7\n      scaleUpThreshold: 4\n      waitTargetSeconds: 45\n");
        var exports = AlertThresholds.For(plan).Queues.Single(q => q.Queue == "exports");
        var rules = AlertRules.For(AlertThresholds.For(plan)).SelectMany(g => g.Rules).Where(r => r.Labels?["queue"] == "exports").ToList();

        Assert.Equal(28, exports.BacklogTasks);
        Assert.EndsWith("> 28", rules.Single(r => r.Alert == "SupersetQueueBacklog").Expr, StringComparison.Ordinal);
        Assert.EndsWith("> 45", rules.Single(r => r.Alert == "SupersetQueueWaitHigh").Expr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"alertname:\s*(\w+)")]
    private static partial Regex AlertName();
}
