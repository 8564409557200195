using Superset.Catalog;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads <c>superset:reports</c>; every requirement of a working report is checked when it is enabled.</summary>
internal static class ReportsReader
{
    /// <summary>The secret config key holding the SMTP password (never a field of <c>reports</c>: a plain value there would sit in the stack file).</summary>
    public static readonly string PasswordKey = Keys.TopLevelKeys.SmtpPassword.Path;

    public static ReportsSettings Read(ObjectReader r, IConfigSource source, string image, SupersetRelease release, List<SettingsError> errors)
    {
        var enabled = r.Bool(FeatureKeys.ReportsEnabled, false);
        var s = r.Child(FeatureKeys.Smtp);
        var host = s.NullableString(FeatureKeys.SmtpHost);
        var port = s.Int(FeatureKeys.SmtpPort, 587);
        var startTls = s.Bool(FeatureKeys.SmtpStartTls, true);
        var ssl = s.Bool(FeatureKeys.SmtpSsl, false);
        var user = s.NullableString(FeatureKeys.SmtpUser);
        var mailFrom = s.NullableString(FeatureKeys.SmtpMailFrom);
        s.RejectUnknown();
        var browsers = r.NullableString(FeatureKeys.BrowsersPath);
        r.RejectUnknown();
        if (!enabled)
        {
            return new ReportsSettings(false, null, null);
        }

        if (host is null)
        {
            errors.Add(new SettingsError(s.KeyOf(FeatureKeys.SmtpHost), "(missing)", "the SMTP server reports are mailed through (reports.enabled is true)"));
        }

        if (mailFrom is null)
        {
            errors.Add(new SettingsError(s.KeyOf(FeatureKeys.SmtpMailFrom), "(missing)", "the sender address of reports (reports.enabled is true)"));
        }

        if (startTls && ssl)
        {
            errors.Add(new SettingsError(s.KeyOf(FeatureKeys.SmtpSsl), "true", "false while starttls is true: STARTTLS (port 587) and implicit TLS (port 465) exclude each other"));
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
            errors.Add(new SettingsError(r.KeyOf(FeatureKeys.BrowsersPath), "(missing)",
                $"where {image} has Playwright's Chromium (reports take screenshots with it): Superset {release.Version}'s official images " +
                (release.DevImageBrowsersPath is null ? "carry none (build one with Chromium)" : $"carry it only in the -dev tag, at {release.DevImageBrowsersPath}")));
        }

        return new ReportsSettings(true, host is null || mailFrom is null ? null : new SmtpSettings(host, port, startTls, ssl, user, mailFrom), browsers);
    }

    private static bool IsOfficialDev(string image) =>
        image.StartsWith("apache/superset:", StringComparison.Ordinal) && image.EndsWith("-dev", StringComparison.Ordinal);
}
