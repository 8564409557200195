using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning.Sizing;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>A silent failure of docs/sources/async-queries.md: a task queued where no worker listens. Every route must reach a pool.</summary>
public sealed class TaskRoutingTests
{
    [Fact]
    public void Every_superset_task_goes_to_its_own_pool_when_the_stack_has_it()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:tier: medium\n  superset:dataServices: aws\n");
        var routes = TaskRouting.Routes(plan);

        Assert.Equal(plan.Release.Tasks.Count, routes.Count);
        Assert.All(routes, r => Assert.False(r.Fallback));
        Assert.Equal("exports", routes.Single(r => r.Task == "cache_dashboard_screenshot").Queue);
        Assert.Equal("reports", routes.Single(r => r.Task == "reports.execute").Queue);
    }

    [Fact]
    public void A_disabled_pool_sends_its_tasks_to_the_default_queue()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:image: apache/superset:6.0.0-dev\n  superset:queues:\n    cache:\n      enabled: false\n");
        var routes = TaskRouting.Routes(plan);

        var cacheTasks = SupersetReleases.V6_0.Tasks.Where(t => t.Queue == "cache").Select(t => t.Name).ToHashSet();
        Assert.NotEmpty(cacheTasks);
        Assert.All(routes.Where(r => cacheTasks.Contains(r.Task)), r =>
        {
            Assert.Equal("default", r.Queue);
            Assert.True(r.Fallback);
        });
    }

    [Fact]
    public void A_route_to_a_queue_without_a_pool_is_refused_naming_the_task()
    {
        var ex = Assert.Throws<SettingsException>(() => TaskRouting.Check(
            [new TaskRoute("reports.scheduler", "reports", Fallback: false)],
            new HashSet<string>(StringComparer.Ordinal) { "default" }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("superset:queues.reports", error.Key);
        Assert.Contains("reports.scheduler", error.Expected, StringComparison.Ordinal);
        Assert.Contains("pools exist for default", error.Expected, StringComparison.Ordinal);
    }
}
