using Superset.Catalog;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Checks of the team's additions against the rest of the stack: a feature flag that contradicts a
/// typed key, an environment variable the program sets, init keys that do not fit the stack, Slack
/// without its token.
/// </summary>
internal static class CustomizationChecks
{
    public static void Check(StackSettings s, IConfigSource source, List<SettingsError> errors)
    {
        Flags(s, errors);
        Env(s, errors);
        if (s.Init.LoadExamples && s.DataServices == DataServicesMode.Aws && s.Aws.ProtectData)
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:{InitKeys.LoadExamples.Path}", "true",
                "false: superset load-examples writes demo dashboards and tables into the RDS metadata database of a stack that protects its data (aws.protectData); load them on a dev stack"));
        }

        // The Job runs migrations and superset init: one Superset process at a time, the size the web pod's
        // sizing gives one gunicorn process (web.processMemoryMi) plus the pod's own overhead.
        var oneProcess = s.Web.PodOverheadMi + s.Web.ProcessMemoryMi;
        if (s.Pods.Init.Pod.MemoryMi < oneProcess)
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:{PodKeys.InitSize[1].Path}", s.Pods.Init.Pod.MemoryMi.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at least web.podOverheadMi + web.processMemoryMi = {oneProcess}: the Job runs one Superset process (migrations, superset init)"));
        }

        if (s.Reports.Slack && source.Keys is { } keys && !keys.Contains(FeatureKeys.SlackToken.Path))
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:{FeatureKeys.SlackToken.Path}", "(missing)",
                $"the Slack bot token (xoxb-…), as a secret: pulumi config set --secret {StackFile.Namespace}:{FeatureKeys.SlackToken.Path} <token>"));
        }
    }

    /// <summary>The flags a typed key sets: flag → (what the key makes it, the key).</summary>
    public static IReadOnlyDictionary<string, (bool Value, string Key)> TypedFlags(StackSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var typed = new Dictionary<string, (bool, string)>(StringComparer.Ordinal)
        {
            [SupersetReleases.GlobalAsyncQueries] = (s.AsyncQueries.Enabled, "asyncQueries.enabled"),
            ["ALERT_REPORTS"] = (s.Reports.Enabled, "reports.enabled"),
        };
        if (s.Reports.Enabled)
        {
            // The image's browser is Playwright's Chromium (reports.browsersPath): Selenium's would not start.
            typed["PLAYWRIGHT_REPORTS_AND_THUMBNAILS"] = (true, "reports.enabled");
        }

        if (s.Reports.Slack)
        {
            typed[SupersetFeatureFlags.SlackV2] = (true, "reports.slack.enabled");
        }

        return typed;
    }

    private static void Flags(StackSettings s, List<SettingsError> errors)
    {
        var typed = TypedFlags(s);
        foreach (var (flag, value) in s.Custom.FeatureFlags)
        {
            if (typed.TryGetValue(flag, out var t) && t.Value != value)
            {
                errors.Add(new SettingsError($"{StackFile.Namespace}:featureFlags.{flag}", value ? "true" : "false",
                    $"{(t.Value ? "true" : "false")}, or remove it: {t.Key} sets {flag} to {(t.Value ? "true" : "false")}; change {t.Key} instead"));
            }
        }
    }

    private static void Env(StackSettings s, List<SettingsError> errors)
    {
        var c = s.Custom;
        var maps = new List<(string Prefix, IEnumerable<string> Names)>
        {
            ("env", c.Env.Keys), ("secretEnv", c.SecretEnv.Keys), ("web.env", c.WebEnv.Keys), ("beat.env", c.BeatEnv.Keys),
        };
        maps.AddRange(s.Queues.Select(q => ($"queues.{q.Name}.env", (IEnumerable<string>)q.Env.Keys)));
        foreach (var (prefix, names) in maps)
        {
            foreach (var name in names)
            {
                if (ProgramNames.OwnerOfEnvName(name) is { } owner)
                {
                    errors.Add(new SettingsError($"{StackFile.Namespace}:{prefix}.{name}", name, $"another name: the program sets {name} itself; use {owner}"));
                }
            }
        }

        foreach (var name in c.Env.Keys.Intersect(c.SecretEnv.Keys, StringComparer.Ordinal))
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:secretEnv.{name}", name, $"one of env.{name} and secretEnv.{name}: a pod variable has one value"));
        }
    }
}
