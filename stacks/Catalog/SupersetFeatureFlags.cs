namespace Superset.Catalog;

/// <summary>
/// The feature flags a Superset release reads (its <c>DEFAULT_FEATURE_FLAGS</c>): <c>superset:featureFlags</c>
/// may set only these, so a misspelt or retired flag is refused instead of ignored by Superset in silence.
/// </summary>
/// <remarks>
/// Read from apache/superset docs/admin_docs_versioned_docs/version-6.1.0/_versioned_data/static/feature-flags.json
/// (stored copy at commit 26e6ace4), which Superset's docs build generates from superset/config.py
/// DEFAULT_FEATURE_FLAGS ("source": "superset/config.py") of the 6.1.0 release. Verification gap, as in
/// docs/decisions/0005-release-catalog.md: superset/config.py at the tags 5.0.0 and 6.0.0 could not be
/// fetched here (the repository is over the snapshot limit and the index holds other commits), so both
/// releases carry this list until someone with a checkout diffs DEFAULT_FEATURE_FLAGS at 5.0.0 and 6.0.0
/// against it (docs/customize.md, "The catalog's gap"). The flags this program sets itself are pinned by
/// tests to be in every release's list.
/// </remarks>
public static class SupersetFeatureFlags
{
    private static readonly string[] ReadFrom610 =
    [
        // "development"
        "AG_GRID_TABLE_ENABLED", "ALERT_REPORT_TABS", "CHART_PLUGINS_EXPERIMENTAL", "CSV_UPLOAD_PYARROW_ENGINE", "DATASET_FOLDERS",
        "DATE_RANGE_TIMESHIFTS_ENABLED", "ENABLE_ADVANCED_DATA_TYPES", "ENABLE_EXTENSIONS", "FAB_API_KEY_ENABLED", "GRANULAR_EXPORT_CONTROLS",
        "MATRIXIFY", "OPTIMIZE_SQL", "PRESTO_EXPAND_DATA", "SEMANTIC_LAYERS", "TABLE_V2_TIME_COMPARISON_ENABLED", "TAGGING_SYSTEM",
        // "testing"
        "ALERT_REPORTS", "ALERT_REPORTS_FILTER", "ALERT_REPORT_SLACK_V2", "ALERT_REPORT_WEBHOOK", "ALLOW_FULL_CSV_EXPORT", "AWS_DATABASE_IAM_AUTH",
        "CACHE_IMPERSONATION", "DATE_FORMAT_IN_EMAIL_SUBJECT", "DYNAMIC_PLUGINS", "ENABLE_DASHBOARD_DOWNLOAD_WEBDRIVER_SCREENSHOT",
        "ENABLE_DASHBOARD_SCREENSHOT_ENDPOINTS", "ENABLE_SUPERSET_META_DB", "ESTIMATE_QUERY_COST", "GLOBAL_ASYNC_QUERIES",
        "IMPERSONATE_WITH_EMAIL_PREFIX", "PLAYWRIGHT_REPORTS_AND_THUMBNAILS", "RLS_IN_SQLLAB", "SSH_TUNNELING", "USE_ANALOGOUS_COLORS",
        // "stable"
        "ALERTS_ATTACH_REPORTS", "ALLOW_ADHOC_SUBQUERY", "CACHE_QUERY_BY_USER", "CSS_TEMPLATES", "DASHBOARD_RBAC", "DASHBOARD_VIRTUALIZATION",
        "DASHBOARD_VIRTUALIZATION_DEFER_DATA", "DATAPANEL_CLOSED_BY_DEFAULT", "DISABLE_EMBEDDED_SUPERSET_LOGOUT", "DRILL_BY", "DRUID_JOINS",
        "EMBEDDABLE_CHARTS", "EMBEDDED_SUPERSET", "ENABLE_FACTORY_RESET_COMMAND", "ENABLE_TEMPLATE_PROCESSING", "ESCAPE_MARKDOWN_HTML",
        "FILTERBAR_CLOSED_BY_DEFAULT", "FORCE_GARBAGE_COLLECTION_AFTER_EVERY_REQUEST", "LISTVIEWS_DEFAULT_CARD_VIEW", "MENU_HIDE_USER_INFO",
        "SLACK_ENABLE_AVATARS", "SQLLAB_BACKEND_PERSISTENCE", "SQLLAB_FORCE_RUN_ASYNC", "THUMBNAILS",
        // "deprecated"
        "AVOID_COLORS_COLLISION", "DRILL_TO_DETAIL", "ENABLE_JAVASCRIPT_CONTROLS",
    ];

    /// <summary>The Slack v2 channel API of reports (superset/utils/slack.py should_use_v2_api reads it).</summary>
    public const string SlackV2 = "ALERT_REPORT_SLACK_V2";

    /// <summary>
    /// The prefix of environment variables Superset reads as feature flags (apache/superset
    /// superset/config.py: <c>DEFAULT_FEATURE_FLAGS.update</c> from every <c>SUPERSET_FEATURE_*</c>
    /// variable): a pod variable with it would set a flag past <c>superset:featureFlags</c>' checks.
    /// </summary>
    public const string EnvironmentPrefix = "SUPERSET_FEATURE_";

    private static readonly Dictionary<string, IReadOnlySet<string>> ByVersion = new(StringComparer.Ordinal)
    {
        ["5.0"] = ReadFrom610.ToHashSet(StringComparer.Ordinal),
        ["6.0"] = ReadFrom610.ToHashSet(StringComparer.Ordinal),
    };

    /// <summary>The flags of a release (by major.minor, <see cref="SupersetRelease.Version"/>).</summary>
    public static IReadOnlySet<string> Of(SupersetRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return ByVersion.TryGetValue(release.Version, out var flags)
            ? flags
            : throw new ArgumentException($"no feature flags are catalogued for Superset {release.Version}", nameof(release));
    }
}
