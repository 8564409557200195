using Superset.Catalog;
using Superset.Configuration;

namespace Superset.Planning.Sizing;

/// <summary>
/// Routes every task of the stack's Superset release (<see cref="SupersetReleases"/>): to the pool
/// whose <c>queues.&lt;name&gt;.tasks</c> names it, else to the queue the catalog gives it. Nothing
/// falls back in silence: a task whose queue has no pool (a tier queue the stack disabled) is an
/// error until the stack routes it, and so is a name the release does not have or a task routed twice.
/// </summary>
public static class TaskRouting
{
    /// <summary>Every task's route, as planned.</summary>
    public static IReadOnlyList<TaskRoute> Routes(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Routes;
    }

    /// <summary>Plans the routes of the settings' pools, recording every problem by key.</summary>
    public static IReadOnlyList<TaskRoute> Plan(StackSettings settings, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        var release = settings.Release;
        var known = release.Tasks.Select(t => t.Name).ToList();
        var routed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in settings.Queues)
        {
            foreach (var task in q.RoutedTasks)
            {
                var key = $"superset:queues.{q.Name}.tasks";
                if (!known.Contains(task, StringComparer.Ordinal))
                {
                    var near = Suggestions.Closest(task, known);
                    errors.Add(new SettingsError(key, task,
                        $"{(near is null ? "" : $"did you mean {near}? ")}a task Superset {release.Version} registers: {string.Join(", ", known)} (stacks/Catalog/SupersetReleases.cs)"));
                }
                else if (!routed.TryAdd(task, q.Name))
                {
                    errors.Add(new SettingsError(key, task, $"a task routed to one pool only: queues.{routed[task]}.tasks already names it"));
                }
            }
        }

        var pools = settings.Queues.Select(q => q.Name).ToHashSet(StringComparer.Ordinal);
        var routes = release.Tasks
            .Select(t => routed.TryGetValue(t.Name, out var to) ? new TaskRoute(t.Name, to, Routed: true) : new TaskRoute(t.Name, t.Queue, Routed: false))
            .ToList();
        foreach (var orphans in routes.Where(r => !pools.Contains(r.Queue)).GroupBy(r => r.Queue))
        {
            var tasks = string.Join(", ", orphans.Select(r => r.Task));
            errors.Add(new SettingsError($"superset:queues.{orphans.Key}.enabled", "false",
                $"true, or route its tasks to another pool: {tasks} belong on {orphans.Key}, e.g. queues.{QueueNames.Default}.tasks: [{tasks}]"));
        }

        return routes;
    }

    /// <summary>Refuses any route whose queue no pool consumes: the last line of defence behind <see cref="Plan"/>.</summary>
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
