using System.Text.Json;
using Superset.Analysis.Cost;
using Superset.Analysis.Simulation;
using Superset.Cli;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The cost in <c>plan --diff</c> (what the preview comment carries) and in <c>simulate</c>.</summary>
public sealed class CostReportTests
{
    private const string Base = "config:\n  superset:tier: medium\n  superset:dataServices: aws\n  aws:region: us-east-1\n" + PlannerTests.AwsNetwork;

    private static string Diff(string before, string after, bool json = false)
    {
        var dir = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(dir.FullName, "Pulumi.base.yaml"), before);
        File.WriteAllText(Path.Combine(dir.FullName, "Pulumi.branch.yaml"), after);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, PlanCommand.Run("branch", json, "base", stdout, stderr, dir.FullName));
        return stdout.ToString();
    }

    [Fact]
    public void The_diff_opens_with_the_monthly_change_at_the_minimum_and_the_maximum()
    {
        var text = Diff(Base, Base + "  superset:queues:\n    default:\n      maxReplicas: 20\n");
        // The medium default pool's pod: 1000m of m6i.2xlarge's 8 vCPU × $0.384/h = $0.048/h, $35.04 a month;
        // 3 pods at the minimum either way, 12 → 20 at the maximum: 8 × $35.04 = $280.32 more.
        Assert.StartsWith("**Monthly cost** (USD, us-east-1 list prices as of ", text, StringComparison.Ordinal);
        Assert.Contains("($0.00); at their maximum", text, StringComparison.Ordinal);
        Assert.Contains("(+$280.32)", text, StringComparison.Ordinal);
        Assert.Contains("| `worker-default` | $35.04 | $35.04 | $420.48 | $700.80 |", text, StringComparison.Ordinal);
        Assert.Contains("| `queues[default].maxReplicas` | 12 | 20 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_diff_lists_the_cost_changes_as_keys()
    {
        using var doc = JsonDocument.Parse(Diff(Base, Base + "  superset:queues:\n    default:\n      maxReplicas: 20\n", json: true));
        var changes = doc.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => (c.GetProperty("before").GetString(), c.GetProperty("after").GetString()));
        Assert.False(changes.ContainsKey("cost.monthlyAtMin"));
        Assert.Equal("700.80", changes["cost.items[worker-default].monthlyAtMax"].Item2);
        var max = changes["cost.monthlyAtMax"];
        Assert.Equal(280.32m, decimal.Parse(max.Item2!, System.Globalization.CultureInfo.InvariantCulture) - decimal.Parse(max.Item1!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_base_without_prices_still_diffs_and_says_why_its_cost_is_missing()
    {
        var text = Diff("config:\n  superset:tier: medium\n", "config:\n  superset:tier: medium\n  superset:cost:\n    region: eu-west-1\n");
        Assert.StartsWith("**Monthly cost**: not compared.", text, StringComparison.Ordinal);
        Assert.Contains("- base: not priced: superset:cost.region = (missing)", text, StringComparison.Ordinal);
        Assert.Contains("- branch: $", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_prices_each_policys_pod_minutes_with_the_plans_pod_price()
    {
        var plan = PlannerTests.PlanOf(Base);
        var cost = CostModel.Price(plan, "t.yaml");
        var scenario = Scenario.Named("spike", plan);
        var result = Simulator.Run(plan, scenario);
        var money = PolicyMoney.For(cost, scenario)!;
        var configured = result.Policies.Single(p => p.Name == "configured").Queues.Single(q => q.Name == "default");

        // An hour of one default pod is its plan price: 1000m of 8 vCPU × $0.384 = $0.048.
        Assert.Equal((decimal)configured.PodMinutes / 60m * 0.048m, money.Of(configured));
        var table = SimulationReport.Table(result, money);
        Assert.Contains("| pod-minutes | $ | vs oracle |", table, StringComparison.Ordinal);
        Assert.Contains("the configured HPAs save ", table, StringComparison.Ordinal);
        Assert.Contains("against static sizing at maxReplicas", table, StringComparison.Ordinal);
        Assert.Contains("against the autoscaling article's HPA", table, StringComparison.Ordinal);

        // A month of the scenario back to back: the scenario's cost × 730 h ÷ its hours.
        Assert.Equal(730m * 3600m / scenario.DurationSeconds, money.Monthly(1m));
        using var json = JsonDocument.Parse(SimulationReport.Json(result, money));
        Assert.Equal("us-east-1", json.RootElement.GetProperty("cost").GetProperty("region").GetString());
        Assert.True(json.RootElement.GetProperty("policies")[0].GetProperty("costUsd").GetDecimal() > 0);
        Assert.DoesNotContain("\"cost\"", SimulationReport.Json(result), StringComparison.Ordinal);
    }
}
