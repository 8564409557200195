using Superset.Catalog;
using Superset.Configuration;

namespace Superset.Planning.Sizing;

/// <summary>Where one task is sent, and whether that is its own queue or the default fallback.</summary>
public sealed record TaskRoute(string Task, string Queue, bool Fallback);

/// <summary>
/// Routes every task of the stack's Superset release (<see cref="SupersetReleases"/>) to a queue some pool consumes: its own queue when that pool exists,
/// else <c>default</c> (a stack may disable exports or cache). The check is the last line of
/// defence: a route to a queue without a pool is refused, naming the task and the queues that have one.
/// </summary>
public static class TaskRouting
{
    /// <summary>Every task's route for the plan's pools.</summary>
    public static IReadOnlyList<TaskRoute> Routes(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pools = plan.Queues.Select(q => q.Name).ToHashSet(StringComparer.Ordinal);
        var routes = plan.Release.Tasks
            .Select(t => pools.Contains(t.Queue)
                ? new TaskRoute(t.Name, t.Queue, Fallback: false)
                : new TaskRoute(t.Name, QueueNames.Default, Fallback: true))
            .ToList();
        Check(routes, pools);
        return routes;
    }

    /// <summary>Refuses any route whose queue no pool consumes.</summary>
    public static void Check(IReadOnlyList<TaskRoute> routes, IReadOnlySet<string> pools)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(pools);
        var errors = routes.Where(r => !pools.Contains(r.Queue))
            .Select(r => new SettingsError($"superset:queues.{r.Queue}", "(no pool)",
                $"a pool for queue '{r.Queue}', which task {r.Task} is routed to; pools exist for {string.Join(", ", pools.Order(StringComparer.Ordinal))}"))
            .ToList();
        if (errors.Count > 0)
        {
            throw new SettingsException("the task routes", errors);
        }
    }
}
