using Superset.Artifacts;
using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning.Sizing;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// Alerts and reports: off unless a <c>reports</c> object asks for them with what they need, and
/// never able to outlive the broker's visibility timeout or the reports pool's grace period.
/// </summary>
public sealed class ReportsTests
{
    private const string Enabled =
        "config:\n  superset:reports:\n    enabled: true\n    smtp:\n      host: smtp.example.com\n      user: superset\n      mailFrom: superset@example.com\n" +
        "  superset:smtpPassword:\n    secure: AAABAKxEbwAAAA==\n";

    private static SettingsException Refused(string yaml) => Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml));

    [Fact]
    public void By_default_alert_reports_are_off_and_nothing_schedules_them()
    {
        var c = SupersetConfigPyTests.Load("config:\n  superset:tier: medium\n");

        Assert.False(c.GetProperty("flags").GetProperty(SupersetReportsConfig.AlertReports).GetBoolean());
        Assert.False(c.GetProperty("flags").GetProperty(SupersetReportsConfig.PlaywrightFlag).GetBoolean());
        Assert.DoesNotContain("reports.scheduler", c.GetProperty("beat").EnumerateArray().Select(e => e.GetString()));
        Assert.False(c.GetProperty("reports").TryGetProperty("SMTP_HOST", out _));
    }

    [Fact]
    public void Enabled_reports_get_the_playwright_flag_chromium_the_image_s_browser_and_the_smtp_server()
    {
        var c = SupersetConfigPyTests.Load(Enabled, "worker", new Dictionary<string, string> { [SupersetEnv.SmtpPassword] = "from-the-secret" });
        var r = c.GetProperty("reports");

        Assert.True(c.GetProperty("flags").GetProperty(SupersetReportsConfig.AlertReports).GetBoolean());
        Assert.True(c.GetProperty("flags").GetProperty(SupersetReportsConfig.PlaywrightFlag).GetBoolean());
        Assert.Equal("chromium", r.GetProperty("WEBDRIVER_TYPE").GetString());
        // The -dev image of 5.0 keeps Chromium under the superset user's home (apache/superset Dockerfile@5.0.0).
        Assert.Equal(SupersetReleases.V5_0.DevImageBrowsersPath, c.GetProperty("browsers").GetString());
        Assert.Equal("smtp.example.com", r.GetProperty("SMTP_HOST").GetString());
        Assert.Equal(587, r.GetProperty("SMTP_PORT").GetInt32());
        Assert.True(r.GetProperty("SMTP_STARTTLS").GetBoolean());
        Assert.Equal("from-the-secret", r.GetProperty("SMTP_PASSWORD").GetString());
        Assert.Contains("reports.scheduler", c.GetProperty("beat").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("from-the-secret", SupersetConfigPy.Generate(PlannerTests.PlanOf(Enabled)), StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_without_a_mail_server_is_refused_naming_each_missing_key()
    {
        var ex = Refused("config:\n  superset:reports:\n    enabled: true\n");

        Assert.Contains(ex.Errors, e => e.Key == "superset:reports.smtp.host");
        Assert.Contains(ex.Errors, e => e.Key == "superset:reports.smtp.mailFrom");
    }

    [Fact]
    public void An_smtp_user_without_the_secret_password_key_is_refused()
    {
        var ex = Refused(Enabled.Replace("  superset:smtpPassword:\n    secure: AAABAKxEbwAAAA==\n", "", StringComparison.Ordinal));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("superset:smtpPassword", error.Key);
        Assert.Contains("--secret", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registry.example.com/superset:5.0.0-pg")] // built on the lean image: no browser
    [InlineData("apache/superset:6.0.0-dev")]               // 6.0 images carry none (CHANGELOG/6.0.0.md #34258)
    public void Enabled_on_an_image_without_a_known_browser_asks_for_its_path(string image)
    {
        var ex = Refused(Enabled + $"  superset:image: {image}\n");

        Assert.Equal("superset:reports.browsersPath", Assert.Single(ex.Errors).Key);
        var withPath = $"config:\n  superset:image: {image}\n  superset:reports:\n    enabled: true\n    browsersPath: /opt/ms-playwright\n    smtp:\n      host: smtp.example.com\n      mailFrom: a@example.com\n";
        Assert.Equal("/opt/ms-playwright", PlannerTests.PlanOf(withPath).Reports.BrowsersPath);
    }

    [Fact]
    public void No_report_carries_its_own_time_limit_so_the_reports_pool_s_limits_govern_it()
    {
        var plan = PlannerTests.PlanOf(Enabled);
        var c = SupersetConfigPyTests.Load(Enabled, "worker", new Dictionary<string, string> { [SupersetEnv.SmtpPassword] = "p" });
        var pool = SupersetReportsConfig.ReportsPool(plan, TaskRouting.Routes(plan));

        // apache/superset superset/tasks/scheduler.py@5.0.0 adds time_limit/soft_time_limit to
        // reports.execute only when ALERT_REPORTS_WORKING_TIME_OUT_KILL is true.
        Assert.False(c.GetProperty("reports").GetProperty("ALERT_REPORTS_WORKING_TIME_OUT_KILL").GetBoolean());
        Assert.Equal(pool.Limits.SoftSeconds, c.GetProperty("reports").GetProperty("ALERT_REPORTS_DEFAULT_WORKING_TIMEOUT").GetInt32());
        Assert.Equal("reports", pool.Name);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("medium")]
    [InlineData("large")]
    public void A_report_ends_before_the_visibility_timeout_and_within_its_pool_s_grace_period(string tier)
    {
        var plan = PlannerTests.PlanOf($"config:\n  superset:tier: {tier}\n  superset:dataServices: aws\n");
        var pool = SupersetReportsConfig.ReportsPool(plan, TaskRouting.Routes(plan));
        // Held unacknowledged from delivery (up to the cron window before its ETA) to the hard limit.
        var longest = SupersetReportsConfig.CronWindowSeconds + pool.Limits.HardSeconds;

        Assert.True(longest + pool.Shutdown.PreStopSeconds <= plan.Celery.VisibilityTimeoutSeconds, $"{longest} s + preStop > visibility {plan.Celery.VisibilityTimeoutSeconds} s");
        Assert.True(pool.Shutdown.PreStopSeconds + pool.Limits.HardSeconds < pool.Shutdown.TerminationGracePeriodSeconds, "a running report outlives the grace period");
    }

    [Fact]
    public void A_short_hard_limit_still_leaves_the_eta_inside_the_visibility_timeout()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:queues:\n    reports:\n      softTimeLimitSeconds: 5\n      hardTimeLimitSeconds: 10\n      taskP95Seconds: 2\n      taskMeanSeconds: 1\n" +
            "    default:\n      softTimeLimitSeconds: 5\n      hardTimeLimitSeconds: 10\n      taskP95Seconds: 2\n      taskMeanSeconds: 1\n" +
            "    exports:\n      softTimeLimitSeconds: 5\n      hardTimeLimitSeconds: 10\n      taskP95Seconds: 2\n      taskMeanSeconds: 1\n" +
            "    cache:\n      softTimeLimitSeconds: 5\n      hardTimeLimitSeconds: 10\n      taskP95Seconds: 2\n      taskMeanSeconds: 1\n");

        Assert.Equal(PoolPlanner.EtaSeconds + 10 + Planner.WorkerPreStopSeconds, plan.Celery.VisibilityTimeoutSeconds);
    }
}
