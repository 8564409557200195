using System.Text.RegularExpressions;
using Superset.Catalog;

namespace Superset.Configuration.Reading;

/// <summary>Reads <c>superset:reports</c>; every requirement of a working report is checked when it is enabled.</summary>
internal static partial class ReportsReader
{
    /// <summary>The secret config key holding the SMTP password (never a field of <c>reports</c>: a plain value there would sit in the stack file).</summary>
    public const string PasswordKey = "smtpPassword";

    public static ReportsSettings Read(ObjectReader r, IConfigSource source, string image, SupersetRelease release, List<SettingsError> errors)
    {
        var enabled = r.Bool("enabled", false);
        var s = r.Child("smtp");
        var host = s.NullableString("host", v => v.Length <= 253 && HostName().IsMatch(v), "the SMTP server's host name, e.g. smtp.example.com");
        var port = s.Int("port", 587, 1, 65_535, " (587: submission with STARTTLS; 465: implicit TLS)");
        var startTls = s.Bool("starttls", true);
        var ssl = s.Bool("ssl", false);
        var user = s.NullableString("user", v => v.Length <= 256 && !v.Any(char.IsWhiteSpace), "the SMTP user name");
        var mailFrom = s.NullableString("mailFrom", v => Address().IsMatch(v), "the sender address, e.g. superset@example.com");
        s.RejectUnknown();
        var browsers = r.NullableString("browsersPath", v => v.StartsWith('/'), "an absolute path in the image, where Playwright's Chromium is installed");
        r.RejectUnknown();
        if (!enabled)
        {
            return new ReportsSettings(false, null, null);
        }

        if (host is null)
        {
            errors.Add(new SettingsError(s.KeyOf("host"), "(missing)", "the SMTP server reports are mailed through (reports.enabled is true)"));
        }

        if (mailFrom is null)
        {
            errors.Add(new SettingsError(s.KeyOf("mailFrom"), "(missing)", "the sender address of reports (reports.enabled is true)"));
        }

        if (startTls && ssl)
        {
            errors.Add(new SettingsError(s.KeyOf("ssl"), "true", "false while starttls is true: STARTTLS (port 587) and implicit TLS (port 465) exclude each other"));
        }

        if (user is not null && source.Keys is { } keys && !keys.Contains(PasswordKey))
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:{PasswordKey}", "(missing)",
                $"the SMTP password of {user}, as a secret: pulumi config set --secret {StackFile.Namespace}:{PasswordKey} <password>"));
        }

        // The browser a report's screenshot needs must be in the image; only the official -dev
        // images of a release that ships one are known to have it.
        browsers ??= IsOfficialDev(image) ? release.DevImageBrowsersPath : null;
        if (browsers is null)
        {
            errors.Add(new SettingsError(r.KeyOf("browsersPath"), "(missing)",
                $"where {image} has Playwright's Chromium (reports take screenshots with it): Superset {release.Version}'s official images " +
                (release.DevImageBrowsersPath is null ? "carry none (build one with Chromium)" : $"carry it only in the -dev tag, at {release.DevImageBrowsersPath}")));
        }

        return new ReportsSettings(true, host is null || mailFrom is null ? null : new SmtpSettings(host, port, startTls, ssl, user, mailFrom), browsers);
    }

    private static bool IsOfficialDev(string image) =>
        image.StartsWith("apache/superset:", StringComparison.Ordinal) && image.EndsWith("-dev", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[^@\s""']+@[A-Za-z0-9.-]+$")]
    private static partial Regex Address();
}
