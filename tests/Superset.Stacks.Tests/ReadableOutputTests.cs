using Superset.Analysis.Plans;
using Superset.Analysis.Simulation;
using Superset.Artifacts;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>What a person reads: the plan diff's values, and the simulation table's ratios and legend.</summary>
public sealed class ReadableOutputTests
{
    [Theory]
    [InlineData("1.6000000000000000000000000005", "1.6")]
    [InlineData("1.5999999999999999999999999999", "1.6")]
    [InlineData("1.60", "1.6")]
    [InlineData("4.0000000000000000000000000005", "4")]
    [InlineData("86400", "86400")]
    [InlineData("0.65", "0.65")]
    [InlineData("0.12345", "0.1235")]
    [InlineData("0.00001234", "1.23E-05")]
    [InlineData("0", "0")]
    public void Plan_numbers_read_the_same_whichever_arithmetic_made_them(string value, string expected)
    {
        Assert.Equal(expected, PlanDocument.Readable(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_diff_writes_booleans_as_the_stack_files_do_and_numbers_without_noise()
    {
        var before = PlannerTests.PlanOf("config:\n  superset:tier: small\n");
        var after = PlannerTests.PlanOf("config:\n  superset:tier: small\n  superset:queues:\n    default:\n      cpuTargetPercent: 70\n");
        var table = PlanDiff.Table(before, after, "base", "cpu");
        Assert.Contains("| `queues[default].cpuMetric` | false | true |", table, StringComparison.Ordinal);

        // The small reports pool's busy children: 6.4 tasks a minute ÷ 60 × 15 s, which decimal division leaves as 1.6000000000000000000000000005.
        var sizes = PlanDocument.Flatten(before).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal("1.6", sizes["queues[reports].peakBusyChildren"]);
        Assert.DoesNotContain(sizes.Values, v => v is "True" or "False" || System.Text.RegularExpressions.Regex.IsMatch(v, @"^\d+\.\d{5,}$"));
    }

    [Fact]
    public void A_pool_whose_oracle_needs_no_pod_has_no_ratio_and_the_legend_says_why()
    {
        Assert.Equal("—", SimulationReport.VsOracle(0, 0));
        Assert.Equal("—", SimulationReport.VsOracle(96, 0));
        Assert.Equal("1.50x", SimulationReport.VsOracle(90, 60));

        // Medium's reports and cache pools sleep at zero; a trace with none of their tasks leaves their oracle at 0 pod-minutes.
        var plan = PlannerTests.PlanOf("config:\n  superset:tier: medium\n");
        var result = Simulator.Run(plan, Scenario.FromCsv("t.csv", "0,default,20\n60,default,40\n"));
        var table = SimulationReport.Table(result);
        Assert.Contains("| oracle | reports | 0 | — | — | — | 600 | 0 | 0.0 | — |", table, StringComparison.Ordinal);
        Assert.DoesNotContain("0.00x", table, StringComparison.Ordinal);
        Assert.Contains(SimulationReport.Legend(money: false), table, StringComparison.Ordinal);
        Assert.Contains("cut off = tasks still running when a removed pod's grace period ended", SimulationReport.Legend(money: false), StringComparison.Ordinal);
        Assert.Contains("$ = those pod-minutes", SimulationReport.Legend(money: true), StringComparison.Ordinal);
        Assert.DoesNotContain("$ =", SimulationReport.Legend(money: false), StringComparison.Ordinal);
    }
}
