using System.Text.RegularExpressions;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The stack-file examples of the guides work as written, on every tier they claim.</summary>
public sealed partial class DocExampleTests
{
    [Theory]
    [InlineData("small")]
    [InlineData("medium")]
    [InlineData("large")]
    public void The_adding_a_queue_example_plans_on_every_tier(string tier)
    {
        var example = Example("configure.md", "## Adding a queue and its pool");
        var plan = PlannerTests.PlanOf($"config:\n  superset:tier: {tier}\n{example}");

        var pool = Assert.Single(plan.Queues, q => q.Name == "thumbnails");
        Assert.Equal(0, pool.Replicas.Min);
        Assert.All(plan.Routes.Where(r => r.Task is "cache_chart_thumbnail" or "cache_dashboard_thumbnail"), r => Assert.Equal("thumbnails", r.Queue));
    }

    [Fact]
    public void The_eks_example_of_the_platform_guide_is_the_example_stack_that_tests_run_renders()
    {
        var guide = Example("platform.md", "## An EKS stack with IRSA");
        var file = File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "docs", "examples", "Pulumi.eks-alb.yaml"));
        Assert.Equal(string.Concat(file.Split('\n').Where(l => !l.TrimStart().StartsWith('#') && l.Length > 0).Select(l => l + "\n")), guide);
        var plan = PlannerTests.PlanOf(guide);
        Assert.Equal(60m, Assert.Single(plan.Queues, q => q.Name == "reports").Cost.SpotDiscountPercent);
    }

    [Fact]
    public void The_feature_flag_example_plans_on_6_0_and_is_refused_on_5_0_by_key()
    {
        var example = Example("customize.md", "## Feature flags (`superset:featureFlags`)");
        var plan = PlannerTests.PlanOf(example);
        Assert.Equal("6.0", plan.Release.Version);
        Assert.True(Customization.ConfigExec.Run(plan, "print(json.dumps(c.FEATURE_FLAGS))").GetProperty("DATASET_FOLDERS").GetBoolean());

        var on50 = Assert.Throws<Configuration.SettingsException>(() => PlannerTests.PlanOf(example.Replace("6.0.0-dev", "5.0.0-dev", StringComparison.Ordinal)));
        Assert.Equal(["superset:featureFlags.AG_GRID_TABLE_ENABLED", "superset:featureFlags.DATASET_FOLDERS"], on50.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>The first YAML block after a heading, without its comment lines.</summary>
    private static string Example(string guide, string heading)
    {
        var text = File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "docs", guide));
        var after = text[(text.IndexOf(heading, StringComparison.Ordinal) + heading.Length)..];
        var block = YamlBlock().Match(after).Groups[1].Value;
        return string.Concat(block.Split('\n').Where(l => !l.TrimStart().StartsWith('#') && l.Length > 0).Select(l => l + "\n"));
    }

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
