namespace Superset.Configuration.Keys;

/// <summary>Superset's optional features: async queries, Flower, alerts and reports; and what a stack costs.</summary>
public static class FeatureKeys
{
    /// <summary>The asyncQueries object.</summary>
    public static readonly ConfigKey AsyncQueries = Define.Object("asyncQueries", "Global async queries: chart queries run on Celery.");

    /// <summary><c>asyncQueries.enabled</c>.</summary>
    public static readonly ConfigKey AsyncEnabled = Define.Bool("asyncQueries.enabled", "GLOBAL_ASYNC_QUERIES.", s => s.AsyncQueries.Enabled);

    /// <summary><c>asyncQueries.transport</c>.</summary>
    public static readonly ConfigKey Transport = Define.Choice("asyncQueries.transport", ["polling", "ws"],
        "polling works behind any ingress; ws adds Superset's websocket server at /ws.",
        "polling (works behind any ingress) or ws (Superset's websocket server)", s => s.AsyncQueries.Transport) with { InertWhen = Applies.WithAsyncQueries };

    /// <summary><c>asyncQueries.pollingDelayMs</c>.</summary>
    public static readonly ConfigKey PollingDelayMs = Define.Int("asyncQueries.pollingDelayMs", 100, 60_000,
        "How often the browser asks, ms (GLOBAL_ASYNC_QUERIES_POLLING_DELAY).", s => s.AsyncQueries.PollingDelayMs, " (Superset's default: 500)") with { InertWhen = Applies.WithAsyncQueries };

    /// <summary><c>asyncQueries.websocketImage</c>.</summary>
    public static readonly ConfigKey WebsocketImage = Define.Text("asyncQueries.websocketImage", Patterns.PinnedImage,
        "superset-websocket image (Apache publishes none: build superset-websocket/ of the Superset repository); required for ws.",
        "a superset-websocket image pinned by tag or digest (Apache publishes none: build superset-websocket/ from the Superset repository)",
        s => s.AsyncQueries.WebsocketImage) with { Check = v => !v.EndsWith(":latest", StringComparison.Ordinal), DefaultText = "none", InertWhen = Applies.WithWebsocket };

    /// <summary><c>asyncQueries.warmupDashboards</c>.</summary>
    public static readonly ConfigKey WarmupDashboards = Define.Int("asyncQueries.warmupDashboards", 0, 100,
        "The most viewed dashboards the cache queue re-warms a minute before their data cache expires; 0 = off.", s => s.AsyncQueries.WarmupDashboards,
        " (most popular dashboards the cache queue keeps warm; 0 turns warm-up off)");

    /// <summary>The flower object.</summary>
    public static readonly ConfigKey Flower = Define.Object("flower", "Flower, Celery's monitor, behind basic auth.");

    /// <summary><c>flower.enabled</c>.</summary>
    public static readonly ConfigKey FlowerEnabled = Define.Bool("flower.enabled", "Deploy Flower (user admin, password in the credentials Secret; port-forward only).", s => s.Flower.Enabled);

    /// <summary><c>flower.ingress</c>.</summary>
    public static readonly ConfigKey FlowerIngress = Define.Bool("flower.ingress", "Also serve Flower at /flower on the Superset host, still behind basic auth.", s => s.Flower.Ingress) with { InertWhen = Applies.WithFlower };

    /// <summary>The reports object.</summary>
    public static readonly ConfigKey Reports = Define.Object("reports", "Alerts and reports (ALERT_REPORTS): needs SMTP and a browser in the image.");

    /// <summary><c>reports.enabled</c>.</summary>
    public static readonly ConfigKey ReportsEnabled = Define.Bool("reports.enabled", "ALERT_REPORTS, with reports.scheduler and reports.prune_log scheduled.", s => s.Reports.Enabled);

    /// <summary><c>reports.smtp</c>.</summary>
    public static readonly ConfigKey Smtp = Define.Object("reports.smtp", "The SMTP server of email reports.") with { InertWhen = Applies.WithReports };

    /// <summary><c>reports.smtp.host</c>.</summary>
    public static readonly ConfigKey SmtpHost = Define.Text("reports.smtp.host", Patterns.HostName, "SMTP_HOST.",
        "the SMTP server's host name, e.g. smtp.example.com", s => s.Reports.Smtp?.Host) with { MaxLength = 253, DefaultText = "none (required with reports.enabled)" };

    /// <summary><c>reports.smtp.port</c>.</summary>
    public static readonly ConfigKey SmtpPort = Define.Int("reports.smtp.port", 1, 65_535, "SMTP_PORT.", s => s.Reports.Smtp?.Port,
        " (587: submission with STARTTLS; 465: implicit TLS)") with { DefaultText = "587" };

    /// <summary><c>reports.smtp.starttls</c>.</summary>
    public static readonly ConfigKey SmtpStartTls = Define.Bool("reports.smtp.starttls", "SMTP_STARTTLS.", s => s.Reports.Smtp?.StartTls) with { DefaultText = "true" };

    /// <summary><c>reports.smtp.ssl</c>.</summary>
    public static readonly ConfigKey SmtpSsl = Define.Bool("reports.smtp.ssl", "SMTP_SSL (implicit TLS; excludes starttls).", s => s.Reports.Smtp?.Ssl) with { DefaultText = "false" };

    /// <summary><c>reports.smtp.user</c>.</summary>
    public static readonly ConfigKey SmtpUser = Define.Text("reports.smtp.user", Patterns.NoSpaces, "SMTP_USER; its password is the secret superset:smtpPassword.",
        "the SMTP user name", s => s.Reports.Smtp?.User) with { MaxLength = 256, DefaultText = "none (no authentication)" };

    /// <summary><c>reports.smtp.mailFrom</c>.</summary>
    public static readonly ConfigKey SmtpMailFrom = Define.Text("reports.smtp.mailFrom", Patterns.MailAddress, "SMTP_MAIL_FROM.",
        "the sender address, e.g. superset@example.com", s => s.Reports.Smtp?.MailFrom) with { DefaultText = "none (required with reports.enabled)" };

    /// <summary><c>reports.browsersPath</c>.</summary>
    public static readonly ConfigKey BrowsersPath = Define.Text("reports.browsersPath", Patterns.AbsolutePath,
        "Where the image has Playwright's Chromium (PLAYWRIGHT_BROWSERS_PATH).", "an absolute path in the image, where Playwright's Chromium is installed",
        s => s.Reports.BrowsersPath) with { DefaultText = "the official -dev image's path of the release", InertWhen = Applies.WithReports };

    /// <summary><c>reports.slack</c>.</summary>
    public static readonly ConfigKey Slack = Define.Object("reports.slack", "Reports to Slack channels (SLACK_API_TOKEN from the secret key slackToken).") with { InertWhen = Applies.WithReports };

    /// <summary><c>reports.slack.enabled</c>.</summary>
    public static readonly ConfigKey SlackEnabled = Define.Bool("reports.slack.enabled",
        "Send reports to Slack: SLACK_API_TOKEN from the secret key slackToken, Slack's v2 API (ALERT_REPORT_SLACK_V2).", s => s.Reports.Slack) with { DefaultText = "false" };

    /// <summary><c>slackToken</c>: a secret.</summary>
    public static readonly ConfigKey SlackToken = new()
    {
        Path = "slackToken", Kind = ValueKind.String, Secret = true, DefaultText = "none",
        Description = "The Slack bot token of reports, required with reports.slack.enabled: pulumi config set --secret superset:slackToken <xoxb-…>.",
        InertWhen = Applies.WithSlack,
    };

    /// <summary>The cost object.</summary>
    public static readonly ConfigKey Cost = Define.Object("cost", "What plan prices the stack with.");

    /// <summary><c>cost.region</c>.</summary>
    public static readonly ConfigKey Region = Define.Text("cost.region", Patterns.AwsRegion,
        "AWS region whose list prices plan uses; required for inCluster stacks.", "an AWS region code, e.g. eu-west-1", s => s.Cost.Region)
        with { DefaultText = "aws:region" };

    /// <summary><c>cost.nodeType</c>.</summary>
    public static readonly ConfigKey NodeType = Define.Text("cost.nodeType", Patterns.Ec2InstanceType,
        "EC2 type of the Kubernetes nodes the pods are priced on.", "an EC2 instance type, e.g. m6i.2xlarge", s => s.Cost.NodeType);

    /// <summary><c>cost.discountPercent</c>.</summary>
    public static readonly ConfigKey DiscountPercent = Define.Number("cost.discountPercent", 0m, 99m,
        "Taken off every list price (a negotiated discount, Savings Plans), percent.", s => s.Cost.DiscountPercent,
        " (a negotiated discount off the list prices, in percent)");
}
