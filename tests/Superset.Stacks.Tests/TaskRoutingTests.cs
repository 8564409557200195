using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning;
using Superset.Planning.Sizing;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// A silent failure of docs/sources/async-queries.md: a task queued where no worker listens. Every
/// route must reach a pool, and only the stack file moves a task (queues.&lt;name&gt;.tasks).
/// </summary>
public sealed class TaskRoutingTests
{
    [Fact]
    public void Every_superset_task_goes_to_its_own_pool_when_the_stack_has_it()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:tier: medium\n  superset:dataServices: aws\n");
        var routes = TaskRouting.Routes(plan);

        Assert.Equal(plan.Release.Tasks.Count, routes.Count);
        Assert.All(routes, r => Assert.False(r.Routed));
        Assert.Equal("exports", routes.Single(r => r.Task == "cache_dashboard_screenshot").Queue);
        Assert.Equal("reports", routes.Single(r => r.Task == "reports.execute").Queue);
    }

    [Fact]
    public void A_disabled_pool_with_tasks_is_refused_naming_them_and_the_route_that_would_fix_it()
    {
        var ex = Assert.Throws<SettingsException>(() =>
            PlannerTests.PlanOf("config:\n  superset:image: apache/superset:6.0.0-dev\n  superset:queues:\n    cache:\n      enabled: false\n"));

        var cacheTasks = SupersetReleases.V6_0.Tasks.Where(t => t.Queue == "cache").Select(t => t.Name).ToList();
        var error = Assert.Single(ex.Errors);
        Assert.Equal("superset:queues.cache.enabled", error.Key);
        Assert.Contains($"queues.default.tasks: [{string.Join(", ", cacheTasks)}]", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stack_file_moves_tasks_to_another_pool()
    {
        var plan = PlannerTests.PlanOf(
            "config:\n  superset:queues:\n    cache:\n      enabled: false\n    default:\n      tasks: [cache-warmup, fetch_url]\n");

        Assert.All(TaskRouting.Routes(plan).Where(r => r.Task is "cache-warmup" or "fetch_url"), r =>
        {
            Assert.Equal("default", r.Queue);
            Assert.True(r.Routed);
        });
        Assert.DoesNotContain(plan.Queues, q => q.Name == "cache");
    }

    [Theory]
    [InlineData("tasks: [cache_warmup]", "superset:queues.default.tasks = cache_warmup", "did you mean cache-warmup?")]
    [InlineData("tasks: [no.such.task]", "superset:queues.default.tasks = no.such.task", "a task Superset 5.0 registers")]
    public void A_task_the_release_does_not_have_is_refused(string field, string key, string expected)
    {
        var ex = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf($"config:\n  superset:queues:\n    default:\n      {field}\n"));
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_routed_to_two_pools_is_refused()
    {
        var ex = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(
            "config:\n  superset:queues:\n    default:\n      tasks: [fetch_url]\n    exports:\n      tasks: [fetch_url]\n"));
        Assert.Contains("already names it", Assert.Single(ex.Errors).Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_to_a_queue_without_a_pool_is_refused_naming_the_task()
    {
        var ex = Assert.Throws<SettingsException>(() => TaskRouting.Check(
            [new TaskRoute("reports.scheduler", "reports", Routed: false)],
            new HashSet<string>(StringComparer.Ordinal) { "default" }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("superset:queues.reports", error.Key);
        Assert.Contains("reports.scheduler", error.Expected, StringComparison.Ordinal);
        Assert.Contains("pools exist for default", error.Expected, StringComparison.Ordinal);
    }
}
