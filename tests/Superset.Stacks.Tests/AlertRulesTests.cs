using Superset.Artifacts.Monitoring;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The generated alert rules, checked and unit-tested by Prometheus's own promtool.</summary>
public sealed class AlertRulesTests
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

    private static IEnumerable<Dictionary<object, object>> PromtoolTests()
    {
        var doc = new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "tests", "alerts", "prod.test.yaml")));
        return ((List<object>)doc["tests"]).Cast<Dictionary<object, object>>();
    }

    [Fact]
    public void Every_alert_has_a_promtool_test_in_which_it_fires()
    {
        var fired = PromtoolTests()
            .SelectMany(t => ((List<object>)t["alert_rule_test"]).Cast<Dictionary<object, object>>())
            .Where(a => a.TryGetValue("exp_alerts", out var exp) && exp is List<object> { Count: > 0 })
            .Select(a => (string)a["alertname"]).ToHashSet(StringComparer.Ordinal);
        var generated = RulesOf(ProdYaml).SelectMany(g => g.Rules).Select(r => r.Alert).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(generated.Except(fired));
    }

    [Fact]
    public void Every_promtool_input_series_is_one_the_exporters_emit_for_a_redis_broker()
    {
        var series = PromtoolTests()
            .SelectMany(t => ((List<object>)t["input_series"]).Cast<Dictionary<object, object>>().Select(i => ((string)i["series"], (string)t["name"])))
            .ToList();

        Assert.NotEmpty(series);
        foreach (var (s, test) in series)
        {
            PromQl.AssertSeriesReal(s, test);
        }
    }

    [Fact]
    public void A_metric_the_exporter_does_not_set_for_redis_or_a_wrong_label_is_refused()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PromQl.AssertSeriesReal("celery_active_consumer_count{queue_name=\"default\"}", "probe"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PromQl.AssertSeriesReal("celery_worker_up{hostname=\"default@pod-a\"}", "probe"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PromQl.AssertMetricsKnown("max(celery_worker_up{queue_name=\"default\"})", "probe"));
        PromQl.AssertSeriesReal("celery_worker_up{namespace=\"superset\", hostname=\"superset-worker-default-7d9f-abcde\"}", "probe");
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
        var plan = PlannerTests.PlanOf("config:\n  superset:queues:\n    exports:\n      minReplicas: 1\n      maxReplicas: 7\n      scaleUpThreshold: 4\n      waitTargetSeconds: 45\n");
        var exports = AlertThresholds.For(plan).Queues.Single(q => q.Queue == "exports");
        var rules = AlertRules.For(AlertThresholds.For(plan)).SelectMany(g => g.Rules).Where(r => r.Labels?["queue"] == "exports").ToList();

        Assert.Equal(28, exports.BacklogTasks);
        Assert.EndsWith("> 28", rules.Single(r => r.Alert == "SupersetQueueBacklog").Expr, StringComparison.Ordinal);
        Assert.EndsWith("> 45", rules.Single(r => r.Alert == "SupersetQueueWaitHigh").Expr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pool_that_scales_to_zero_has_no_below_minimum_rule_and_waits_out_its_cold_start_before_no_consumer()
    {
        // A longer KEDA poll than the tier's: the cold start (300 + 45 s) outlasts the 5 minutes alone.
        var plan = PlannerTests.PlanOf(ProdYaml + "  superset:queues:\n    reports:\n      minReplicas: 0\n      pollingIntervalSeconds: 300\n      waitTargetSeconds: 400\n");
        var thresholds = AlertThresholds.For(plan);
        var rules = AlertRules.For(thresholds).SelectMany(g => g.Rules).ToList();

        foreach (var q in thresholds.Queues)
        {
            var ofQueue = rules.Where(r => r.Labels?.GetValueOrDefault("queue") == q.Queue).ToList();
            var noConsumer = ofQueue.Single(r => r.Alert == "SupersetQueueHasNoConsumer");
            if (q.MinReplicas == 0)
            {
                Assert.DoesNotContain(ofQueue, r => r.Alert == "SupersetWorkersBelowMinimum");
                Assert.Equal($"{AlertRules.NoConsumerSeconds + q.ColdStartSeconds}s", noConsumer.For);
            }
            else
            {
                Assert.EndsWith($"< {q.MinReplicas}", ofQueue.Single(r => r.Alert == "SupersetWorkersBelowMinimum").Expr, StringComparison.Ordinal);
                Assert.Equal("5m", noConsumer.For);
            }
        }

        Assert.Equal(345, thresholds.Queues.Single(q => q.Queue == "reports").ColdStartSeconds);
        Assert.Equal("645s", rules.Single(r => r.Alert == "SupersetQueueHasNoConsumer" && r.Labels?["queue"] == "reports").For);
    }
}
