using System.Text.Json;
using Superset.Artifacts.Monitoring;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The Grafana dashboards: rows follow the pools, expressions parse and read known metrics.</summary>
public sealed class DashboardTests
{
    private static IReadOnlyList<Dashboard> Of(string yaml) => Dashboards.For(PlannerTests.PlanOf(yaml));

    private static Dashboard Workers(string yaml) => Of(yaml).Single(d => d.Uid == "superset-workers");

    [Fact]
    public void Three_pools_give_three_rows_and_five_give_five_in_queue_order()
    {
        var three = Workers("config:\n  superset:queues:\n    cache:\n      enabled: false\n    default:\n      tasks: [cache-warmup, fetch_url]\n");
        var five = Workers("config:\n  superset:queues:\n    imports:\n      maxReplicas: 2\n");

        Assert.Equal(["default", "exports", "reports"], three.Rows.Select(r => r.Title.Split(':')[0]["Pool ".Length..]));
        Assert.Equal(["default", "exports", "reports", "cache", "imports"], five.Rows.Select(r => r.Title.Split(':')[0]["Pool ".Length..]));
        Assert.All(five.Rows, r => Assert.Equal(8, r.Panels.Count));
        Assert.Contains(five.Rows[4].Panels.SelectMany(p => p.Queries), q => q.Expr.Contains("queue_name=\"imports\"", StringComparison.Ordinal));
    }

    [Fact]
    public void With_keda_each_pool_row_shows_the_queue_keda_reads_and_the_replicas_it_sets()
    {
        var keda = Workers("config:\n  superset:tier: medium\n").Rows.Single(r => r.Title.StartsWith("Pool reports", StringComparison.Ordinal));
        var panel = keda.Panels.Single(p => p.Title.StartsWith("KEDA:", StringComparison.Ordinal));
        Assert.Contains("keda_scaler_metrics_value{exported_namespace=\"$namespace\", scaledObject=\"superset-worker-reports\", scaler=\"composite-metric\"}", panel.Queries[0].Expr, StringComparison.Ordinal);
        Assert.Contains("kube_horizontalpodautoscaler_status_desired_replicas", panel.Queries[1].Expr, StringComparison.Ordinal);

        var hpa = Workers("config:\n  superset:autoscaling:\n    engine: hpa\n");
        Assert.All(hpa.Rows, r => Assert.Equal(7, r.Panels.Count));
        Assert.DoesNotContain(hpa.Rows.SelectMany(r => r.Panels).SelectMany(p => p.Queries), q => q.Expr.Contains("keda_", StringComparison.Ordinal));
    }

    [Fact]
    public void Threshold_lines_are_the_alert_thresholds()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:queues:\n    exports:\n      minReplicas: 1\n      waitTargetSeconds: 45\n");
        var thresholds = AlertThresholds.For(plan);
        var exports = Dashboards.For(plan).Single(d => d.Uid == "superset-workers").Rows[1];

        Assert.Equal(thresholds.Queues[1].BacklogTasks, exports.Panels.Single(p => p.Title.StartsWith("Queue length", StringComparison.Ordinal)).Threshold);
        Assert.Equal(45, exports.Panels.Single(p => p.Title.StartsWith("Queue wait", StringComparison.Ordinal)).Threshold);
        Assert.Equal(AlertThresholds.TaskFailureRatio, exports.Panels.Single(p => p.Title == "Failure rate").Threshold);
    }

    [Fact]
    public void Promtool_parses_every_panel_expression()
    {
        var dir = Directory.CreateTempSubdirectory("superset-dashboards-").FullName;
        var prod = File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "Pulumi.prod.yaml"));
        File.WriteAllText(Path.Combine(dir, "expressions.yaml"), Dashboards.ExpressionsAsRules(Of(prod), "superset"));

        var (code, stdout, stderr) = Tools.Run(Tools.Require("promtool", "prometheus"), ["check", "rules", Path.Combine(dir, "expressions.yaml")]);

        Assert.True(code == 0, stdout + stderr);
    }

    [Fact]
    public void Every_metric_a_panel_reads_comes_from_an_exporter_of_the_stack()
    {
        foreach (var query in Of("config: {}\n").SelectMany(d => d.Rows).SelectMany(r => r.Panels).SelectMany(p => p.Queries))
        {
            PromQl.AssertMetricsKnown(query.Expr, query.Expr);
        }
    }

    [Fact]
    public void The_json_uses_the_datasource_and_namespace_variables_and_no_fixed_uid()
    {
        var dashboard = Workers("config: {}\n");
        using var json = JsonDocument.Parse(Dashboards.Json(dashboard, "superset"));
        var root = json.RootElement;
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Equal(["datasource", "namespace"], variables);

        var panels = root.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() == "timeseries").ToList();
        Assert.Equal(dashboard.Rows.Sum(r => r.Panels.Count), panels.Count);
        Assert.All(panels, p => Assert.Equal("${datasource}", p.GetProperty("datasource").GetProperty("uid").GetString()));
        Assert.All(panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()), t => Assert.Contains("$namespace", t.GetProperty("expr").GetString()!, StringComparison.Ordinal));
    }
}
