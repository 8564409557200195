using System.Text.RegularExpressions;

namespace Superset.Catalog;

/// <summary>
/// The catalog of Superset releases this program knows, keyed by major.minor. Every fact cites the
/// upstream file it was read from as <c>apache/superset path@tag</c>; the tests pin the generated
/// settings to it (nothing imported or routed that the release lacks). Moving to a new release is
/// adding an entry here after reading its sources (docs/versions.md, "Superset versions").
/// </summary>
public static partial class SupersetReleases
{
    /// <summary>The Superset feature flag that gates <c>superset.tasks.async_queries</c>.</summary>
    public const string GlobalAsyncQueries = "GLOBAL_ASYNC_QUERIES";

    private static IReadOnlyList<SupersetTask> CommonTasks(string tag) =>
    [
        // apache/superset superset/sql_lab.py@<tag>: @celery_app.task(name="sql_lab.get_sql_results", ...)
        new("sql_lab.get_sql_results", "superset.sql_lab", "default", "SQL Lab queries: a user is waiting", $"apache/superset superset/sql_lab.py@{tag}"),
        // apache/superset superset/tasks/async_queries.py@<tag>: two tasks, query_timeout read from
        // current_app.config at module level (an import outside an app context raises).
        new("load_chart_data_into_cache", "superset.tasks.async_queries", "default", "async chart data: a user is waiting", $"apache/superset superset/tasks/async_queries.py@{tag}"),
        new("load_explore_json_into_cache", "superset.tasks.async_queries", "default", "async explore data: a user is waiting", $"apache/superset superset/tasks/async_queries.py@{tag}"),
        // apache/superset superset/tasks/thumbnails.py@<tag>
        new("cache_chart_thumbnail", "superset.tasks.thumbnails", "exports", "headless-browser screenshot: memory-heavy", $"apache/superset superset/tasks/thumbnails.py@{tag}"),
        new("cache_dashboard_thumbnail", "superset.tasks.thumbnails", "exports", "headless-browser screenshot: memory-heavy", $"apache/superset superset/tasks/thumbnails.py@{tag}"),
        new("cache_dashboard_screenshot", "superset.tasks.thumbnails", "exports", "headless-browser screenshot (PDF/PNG download): memory-heavy", $"apache/superset superset/tasks/thumbnails.py@{tag}"),
        // apache/superset superset/tasks/scheduler.py@<tag>: reports.scheduler sends reports.execute
        // with an ETA inside ALERT_REPORTS_CRON_WINDOW_SIZE and, when ALERT_REPORTS_WORKING_TIME_OUT_KILL,
        // time_limit = working_timeout + ALERT_REPORTS_WORKING_TIME_OUT_LAG (SupersetConfigPy turns that off).
        new("reports.scheduler", "superset.tasks.scheduler", "reports", "beat's minute tick for alerts and reports", $"apache/superset superset/tasks/scheduler.py@{tag}"),
        new("reports.execute", "superset.tasks.scheduler", "reports", "scheduled alert or report: may wait (docs/sources/autoscaling.md)", $"apache/superset superset/tasks/scheduler.py@{tag}"),
        new("reports.prune_log", "superset.tasks.scheduler", "reports", "daily housekeeping", $"apache/superset superset/tasks/scheduler.py@{tag}"),
        new("prune_query", "superset.tasks.scheduler", "reports", "housekeeping of the query table, when scheduled", $"apache/superset superset/tasks/scheduler.py@{tag}"),
        // apache/superset superset/tasks/cache.py@<tag>
        new("cache-warmup", "superset.tasks.cache", "cache", "cache warm-up strategy run", $"apache/superset superset/tasks/cache.py@{tag}"),
        new("fetch_url", "superset.tasks.cache", "cache", "one warm-up request per chart", $"apache/superset superset/tasks/cache.py@{tag}"),
    ];

    // apache/superset superset/config.py@5.0.0, CeleryConfig.imports: sql_lab, tasks.scheduler,
    // tasks.thumbnails, tasks.cache. superset.tasks.slack does not exist at 5.0.0.
    private static readonly string[] Imports50 = ["superset.sql_lab", "superset.tasks.scheduler", "superset.tasks.thumbnails", "superset.tasks.cache"];

    // apache/superset pyproject.toml@5.0.0 (unchanged at 6.0.0): dependencies "celery>=5.3.6, <6.0.0",
    // "redis>=4.6.0, <5.0"; optional-dependencies postgres = ["psycopg2-binary==2.9.6"].
    private static readonly Dictionary<string, string> Pins = new(StringComparer.Ordinal)
    {
        ["celery"] = ">=5.3.6,<6.0.0",
        ["redis"] = ">=4.6.0,<5.0",
        ["psycopg2-binary"] = "==2.9.6",
    };

    /// <summary>Superset 5.0 (tag 5.0.0): the default image's release.</summary>
    public static SupersetRelease V5_0 { get; } = new(
        "5.0", "5.0.0", CommonTasks("5.0.0"), Imports50,
        // apache/superset superset/tasks/async_queries.py@5.0.0 reads current_app.config at import;
        // superset/config.py@5.0.0 leaves it out of CeleryConfig.imports.
        new Dictionary<string, string> { ["superset.tasks.async_queries"] = GlobalAsyncQueries },
        // apache/superset Dockerfile@5.0.0: the superset user's home is SUPERSET_HOME=/app/superset_home
        // (useradd -d), and the dev stage runs `playwright install chromium` as that user, so the
        // browser lands in $HOME/.cache/ms-playwright (Playwright's default path on Linux).
        DevImageBrowsersPath: "/app/superset_home/.cache/ms-playwright",
        DependencyPins: Pins);

    /// <summary>Superset 6.0 (tag 6.0.0): adds the Slack channel cache task; its images carry no browser by default.</summary>
    public static SupersetRelease V6_0 { get; } = new(
        "6.0", "6.0.0",
        [
            .. CommonTasks("6.0.0"),
            // apache/superset superset/tasks/slack.py@6.0.0: @celery_app.task(name="slack.cache_channels"),
            // which warns about SLACK_API_RATE_LIMIT_RETRY_COUNT: it came with #35622 "fix(alerts): improve
            // Slack API rate limiting for large workspaces", listed in CHANGELOG/6.0.0.md and not in
            // CHANGELOG/5.0.0.md; superset/config.py@6.0.0 adds the module to CeleryConfig.imports.
            new("slack.cache_channels", "superset.tasks.slack", "cache", "refreshes the cached list of Slack channels for reports", "apache/superset superset/tasks/slack.py@6.0.0"),
        ],
        [.. Imports50, "superset.tasks.slack"],
        new Dictionary<string, string> { ["superset.tasks.async_queries"] = GlobalAsyncQueries },
        // apache/superset CHANGELOG/6.0.0.md, #34258 "feat(docker): do not include chromium (headless
        // browser) by default in Dockerfile": a 6.0 image has a browser only if built with it.
        DevImageBrowsersPath: null,
        DependencyPins: Pins);

    /// <summary>
    /// The window of <c>reports.scheduler</c> (apache/superset superset/config.py@5.0.0
    /// ALERT_REPORTS_CRON_WINDOW_SIZE = 59): <c>reports.execute</c> is sent with an ETA up to this
    /// far ahead, and a worker holds it unacknowledged until then.
    /// </summary>
    public const int CronWindowSeconds = 59;

    /// <summary>The official image repository on Docker Hub.</summary>
    public const string OfficialRepository = "apache/superset";

    /// <summary>
    /// Whether an image has a PostgreSQL driver (psycopg2), which every stack needs for its metadata
    /// database: false for an official image other than <c>-dev</c>, true for an official
    /// <c>-dev</c>, null (not known) for any other image. apache/superset
    /// docs/docs/installation/docker-builds.mdx, as published for 5.0 and 6.0: "Tags without a
    /// build_preset are lean builds (ie: latest, 5.0.0, 4.1.2, ...). lean builds do not contain
    /// database drivers ... That applies to analytics databases AND the metadata database", and the
    /// <c>dev</c> preset "includes some commonly used database drivers like mysqlclient,
    /// psycopg2-binary"; the other presets (<c>py311</c> and the like) are "similar to lean".
    /// </summary>
    public static bool? HasPostgresDriver(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!image.StartsWith(OfficialRepository + ":", StringComparison.Ordinal) && !image.StartsWith(OfficialRepository + "@", StringComparison.Ordinal))
        {
            return null;
        }

        return image.Contains('@', StringComparison.Ordinal) ? null : image.EndsWith("-dev", StringComparison.Ordinal);
    }

    /// <summary>Every release in the catalog, by major.minor.</summary>
    public static IReadOnlyDictionary<string, SupersetRelease> All { get; } =
        new[] { V5_0, V6_0 }.ToDictionary(r => r.Version, StringComparer.Ordinal);

    /// <summary>The release of the default image (<see cref="Images.Superset"/>).</summary>
    public static SupersetRelease Default => All[VersionOfImage(Images.Superset)!];

    /// <summary>The major.minor in an image's tag (<c>apache/superset:5.0.0-dev</c> → <c>5.0</c>); null for a digest or a tag without one.</summary>
    public static string? VersionOfImage(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (colon <= slash)
        {
            return null;
        }

        var m = TagVersion().Match(image[(colon + 1)..]);
        return m.Success ? $"{m.Groups[1].Value}.{m.Groups[2].Value}" : null;
    }

    [GeneratedRegex(@"^v?(\d+)\.(\d+)(?:\.\d+)?(?:[.+_-]|rc|$)")]
    private static partial Regex TagVersion();
}
