namespace Superset.Stacks.Generated;

/// <summary>One Celery task Superset registers, and the queue it belongs on.</summary>
/// <param name="Name">The registered task name, exactly as in the Superset sources.</param>
/// <param name="Module">The module that registers it (listed in Celery's <c>imports</c>).</param>
/// <param name="Queue">The queue of seed 000's split this task belongs to.</param>
/// <param name="Why">Why it goes there.</param>
public sealed record SupersetTask(string Name, string Module, string Queue, string Why);

/// <summary>
/// Every Celery task of the pinned Superset image (<see cref="Images.Superset"/>, 5.0), read from its
/// sources (superset/sql_lab.py and superset/tasks/: scheduler.py, async_queries.py, thumbnails.py,
/// cache.py, slack.py). 6.1 adds <c>tasks.execute</c> (superset/tasks/executor.py): add it with the image. A task with no route would land in the
/// default queue; one routed to a queue no pool consumes waits forever (seed 001). Update this list
/// with the image.
/// </summary>
public static class SupersetTasks
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SupersetTask> All { get; } =
    [
        new("sql_lab.get_sql_results", "superset.sql_lab", "default", "SQL Lab queries: a user is waiting"),
        new("load_chart_data_into_cache", "superset.tasks.async_queries", "default", "async chart data: a user is waiting"),
        new("load_explore_json_into_cache", "superset.tasks.async_queries", "default", "async explore data: a user is waiting"),
        new("cache_chart_thumbnail", "superset.tasks.thumbnails", "exports", "headless-browser screenshot: memory-heavy"),
        new("cache_dashboard_thumbnail", "superset.tasks.thumbnails", "exports", "headless-browser screenshot: memory-heavy"),
        new("cache_dashboard_screenshot", "superset.tasks.thumbnails", "exports", "headless-browser screenshot (PDF/PNG download): memory-heavy"),
        new("reports.scheduler", "superset.tasks.scheduler", "reports", "beat's minute tick for alerts and reports"),
        new("reports.execute", "superset.tasks.scheduler", "reports", "scheduled alert or report: may wait (seed 000)"),
        new("reports.prune_log", "superset.tasks.scheduler", "reports", "daily housekeeping"),
        new("prune_query", "superset.tasks.scheduler", "reports", "housekeeping of the query table, when scheduled"),
        new("cache-warmup", "superset.tasks.cache", "cache", "cache warm-up strategy run"),
        new("fetch_url", "superset.tasks.cache", "cache", "one warm-up request per chart"),
        new("slack.cache_channels", "superset.tasks.slack", "cache", "refreshes the cached list of Slack channels for reports"),
    ];

    /// <summary>The modules Celery must import so every task above is registered.</summary>
    public static IReadOnlyList<string> Modules { get; } = All.Select(t => t.Module).Distinct().ToList();
}
