using System.Globalization;
using System.Text;
using Superset.Catalog;
using Superset.Planning;

namespace Superset.Artifacts;

/// <summary>
/// The team's part of <c>superset_config.py</c>: the feature flags merged over the program's, and the
/// config overrides appended after everything the program generates, each under a comment naming its key.
/// </summary>
public static class SupersetCustomConfig
{
    /// <summary>The flags the program sets (what its typed keys say), in a fixed order.</summary>
    public static IReadOnlyList<KeyValuePair<string, bool>> ProgramFlags(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var on = SupersetConfigPy.EnabledFlags(plan);
        var flags = new List<KeyValuePair<string, bool>>
        {
            new(SupersetReleases.GlobalAsyncQueries, plan.AsyncQueries.Enabled),
            new(SupersetReportsConfig.AlertReports, on.Contains(SupersetReportsConfig.AlertReports)),
            new(SupersetReportsConfig.PlaywrightFlag, on.Contains(SupersetReportsConfig.PlaywrightFlag)),
        };
        if (plan.Reports.Slack)
        {
            flags.Add(new(SupersetFeatureFlags.SlackV2, true));
        }

        return flags;
    }

    /// <summary>FEATURE_FLAGS: the program's, then the team's (superset:featureFlags) over them, the team's new ones in name order.</summary>
    public static IReadOnlyList<KeyValuePair<string, bool>> MergedFlags(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var program = ProgramFlags(plan);
        var team = plan.Custom.FeatureFlags;
        return program.Select(f => team.TryGetValue(f.Key, out var v) ? new KeyValuePair<string, bool>(f.Key, v) : f)
            .Concat(team.Where(f => program.All(p => p.Key != f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>The FEATURE_FLAGS line.</summary>
    public static string FeatureFlagsLine(StackPlan plan) =>
        $"FEATURE_FLAGS = {{{string.Join(", ", MergedFlags(plan).Select(f => $"\"{f.Key}\": {SupersetConfigPy.PythonBool(f.Value)}"))}}}";

    /// <summary>Appends the config overrides, each after a comment naming its key.</summary>
    public static void AppendOverrides(StringBuilder b, StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Custom.ConfigOverrides.Count == 0)
        {
            return;
        }

        b.AppendLine();
        b.AppendLine("# ---- superset:configOverrides, in the order of their names; checked to assign nothing above (docs/customize.md).");
        foreach (var o in plan.Custom.ConfigOverrides)
        {
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"# superset:configOverrides.{o.Name}");
            b.Append(o.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
            if (!o.Text.EndsWith('\n'))
            {
                b.AppendLine();
            }
        }
    }
}
