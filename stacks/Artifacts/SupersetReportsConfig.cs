using System.Globalization;
using System.Text;
using Superset.Catalog;
using Superset.Planning;

namespace Superset.Artifacts;

/// <summary>
/// The alerts-and-reports part of <c>superset_config.py</c>: the working-timeout keys that keep
/// every report inside its pool's limits, and, when <c>reports.enabled</c>, the feature flags,
/// the Playwright browser and the SMTP server a report needs to be taken and sent.
/// </summary>
public static class SupersetReportsConfig
{
    /// <summary>The feature flag of alerts and reports (apache/superset superset/config.py@5.0.0 DEFAULT_FEATURE_FLAGS, off).</summary>
    public const string AlertReports = "ALERT_REPORTS";

    /// <summary>
    /// Screenshots through Playwright instead of Selenium (apache/superset superset/config.py@5.0.0
    /// DEFAULT_FEATURE_FLAGS, off; superset/utils/screenshots.py picks the driver by it). The image
    /// has Playwright's Chromium and no geckodriver, so Selenium's default Firefox cannot run.
    /// </summary>
    public const string PlaywrightFlag = "PLAYWRIGHT_REPORTS_AND_THUMBNAILS";

    /// <summary>The window of <c>reports.scheduler</c> (<see cref="SupersetReleases.CronWindowSeconds"/>).</summary>
    public const int CronWindowSeconds = SupersetReleases.CronWindowSeconds;

    /// <summary>Appends the section.</summary>
    public static void Append(StringBuilder b, StackPlan plan, IReadOnlyList<TaskRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(routes);
        var pool = ReportsPool(plan, routes);
        var reports = plan.Reports;
        b.AppendLine();
        b.AppendLine("# Alerts and reports. reports.scheduler (superset/tasks/scheduler.py) would send reports.execute with its own");
        b.AppendLine("# time_limit = working_timeout + 10 s when ALERT_REPORTS_WORKING_TIME_OUT_KILL is on (the default): a task");
        b.AppendLine("# limit overrides the worker's, and the UI's default of 3600 s outlives the broker's visibility timeout and");
        b.AppendLine(CultureInfo.InvariantCulture, $"# the pool's grace period. Off, every report runs under pool {pool.Name}'s --soft-time-limit {pool.Limits.SoftSeconds} s / --time-limit {pool.Limits.HardSeconds} s,");
        b.AppendLine("# which the visibility timeout and the pool's terminationGracePeriodSeconds are sized from.");
        b.AppendLine("ALERT_REPORTS_WORKING_TIME_OUT_KILL = False");
        b.AppendLine(CultureInfo.InvariantCulture, $"ALERT_REPORTS_DEFAULT_WORKING_TIMEOUT = {pool.Limits.SoftSeconds}  # the UI's default for a new alert: the pool's soft limit");
        b.AppendLine(CultureInfo.InvariantCulture, $"ALERT_REPORTS_CRON_WINDOW_SIZE = {CronWindowSeconds}");
        if (!reports.Enabled)
        {
            return;
        }

        b.AppendLine();
        b.AppendLine("# Screenshots: Playwright's Chromium, where the image installed it (reports.browsersPath).");
        b.AppendLine("WEBDRIVER_TYPE = \"chromium\"");
        b.AppendLine(CultureInfo.InvariantCulture, $"os.environ.setdefault(\"PLAYWRIGHT_BROWSERS_PATH\", \"{reports.BrowsersPath}\")");
        var smtp = reports.Smtp!;
        var Py = SupersetConfigPy.PythonBool;
        b.AppendLine("# Email: the password is the secret config key superset:smtpPassword, in the credentials Secret.");
        b.AppendLine(CultureInfo.InvariantCulture, $"SMTP_HOST = \"{smtp.Host}\"");
        b.AppendLine(CultureInfo.InvariantCulture, $"SMTP_PORT = {smtp.Port}");
        b.AppendLine(CultureInfo.InvariantCulture, $"SMTP_STARTTLS = {Py(smtp.StartTls)}");
        b.AppendLine(CultureInfo.InvariantCulture, $"SMTP_SSL = {Py(smtp.Ssl)}");
        b.AppendLine("SMTP_SSL_SERVER_AUTH = True  # verify the server's certificate");
        b.AppendLine(smtp.User is null ? "SMTP_USER = None" : $"SMTP_USER = \"{smtp.User}\"");
        b.AppendLine(smtp.User is null ? "SMTP_PASSWORD = None" : $"SMTP_PASSWORD = os.environ[\"{SupersetEnv.SmtpPassword}\"]");
        b.AppendLine(CultureInfo.InvariantCulture, $"SMTP_MAIL_FROM = \"{smtp.MailFrom}\"");
        b.AppendLine("ALERT_REPORTS_NOTIFICATION_DRY_RUN = False");
        if (reports.Slack)
        {
            // apache/superset superset/utils/slack.py get_slack_client: SLACK_API_TOKEN, called when callable,
            // read at send time; ALERT_REPORT_SLACK_V2 (should_use_v2_api) picks Slack's current upload API.
            b.AppendLine("# Slack: the bot token is the secret config key superset:slackToken, in the credentials Secret.");
            b.AppendLine(CultureInfo.InvariantCulture, $"SLACK_API_TOKEN = lambda: os.environ[\"{SupersetEnv.SlackApiToken}\"]");
        }
    }

    /// <summary>The pool <c>reports.execute</c> runs on (its own, or <c>default</c> when the reports pool is disabled).</summary>
    public static PoolPlan ReportsPool(StackPlan plan, IReadOnlyList<TaskRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(routes);
        var queue = routes.Single(r => r.Task == "reports.execute").Queue;
        return plan.Queues.Single(q => q.Name == queue);
    }
}
