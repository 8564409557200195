using Superset.Catalog;

namespace Superset.Configuration;

/// <summary>
/// Superset's alerts and reports (the ALERT_REPORTS feature flag): off unless asked for, because a
/// report needs what no default can supply: a mail server, and a headless browser in the image
/// for its screenshots.
/// </summary>
/// <param name="Enabled">Turn ALERT_REPORTS on, schedule <c>reports.scheduler</c> and <c>reports.prune_log</c>.</param>
/// <param name="Smtp">The mail server reports are sent through; required when enabled.</param>
/// <param name="BrowsersPath">
/// Where the image keeps Playwright's Chromium (PLAYWRIGHT_BROWSERS_PATH); defaults to the
/// official <c>-dev</c> image's path of the release (<see cref="SupersetRelease.DevImageBrowsersPath"/>).
/// </param>
public sealed record ReportsSettings(bool Enabled, SmtpSettings? Smtp, string? BrowsersPath)
{
    /// <summary><c>reports.slack.enabled</c>: reports to Slack, the bot token the secret config key slackToken.</summary>
    public bool Slack { get; init; }
}
