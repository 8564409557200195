namespace Superset.Catalog;

/// <summary>
/// The feature flags a Superset release reads (its <c>DEFAULT_FEATURE_FLAGS</c>): <c>superset:featureFlags</c>
/// may set only these, so a misspelt, not-yet-added or retired flag is refused instead of ignored by
/// Superset in silence.
/// </summary>
/// <remarks>
/// One list per release, read from apache/superset superset/config.py at the release's tag
/// (<c>DEFAULT_FEATURE_FLAGS</c>, every key and its default; SupersetFeatureFlags.Lists.cs). What was
/// verified and what was not: the apache/superset repository was over the mirror's size limit and
/// PyPI was unreachable, so each file was read from copies of the release tree (5.0.0: one copy; 6.0.0:
/// two independent copies with the same file), named with the git blob of their superset/config.py in
/// tests/upstream/superset/feature-flags.json; each list also equals DEFAULT_FEATURE_FLAGS on
/// apache/superset's master in the weeks before that release's branch was cut. The committed excerpts
/// there are parsed with Python's ast by a test and compared with these lists.
/// </remarks>
public static partial class SupersetFeatureFlags
{
    /// <summary>The Slack v2 channel API of reports (superset/utils/slack.py should_use_v2_api reads it).</summary>
    public const string SlackV2 = "ALERT_REPORT_SLACK_V2";

    /// <summary>
    /// The prefix of environment variables Superset reads as feature flags (apache/superset
    /// superset/config.py@5.0.0 and @6.0.0: <c>DEFAULT_FEATURE_FLAGS.update</c> from every
    /// <c>SUPERSET_FEATURE_*</c> variable): a pod variable with it would set a flag past
    /// <c>superset:featureFlags</c>' checks.
    /// </summary>
    public const string EnvironmentPrefix = "SUPERSET_FEATURE_";

    /// <summary>The flags of a release (by major.minor, <see cref="SupersetRelease.Version"/>).</summary>
    public static IReadOnlySet<string> Of(SupersetRelease release) =>
        Listed(release).Select(f => f.Flag).ToHashSet(StringComparer.Ordinal);

    /// <summary>The flags of a release with their defaults, in the order superset/config.py lists them.</summary>
    public static IReadOnlyList<(string Flag, bool Default)> Listed(SupersetRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        // A switch, not a static table: the lists live in the other part of this partial class, and
        // static fields of partial parts initialize in an order C# does not define.
        (string Flag, bool Default)[]? flags = release.Version switch
        {
            "5.0" => At500,
            "6.0" => At600,
            _ => null,
        };
        return flags ?? throw new ArgumentException($"no feature flags are catalogued for Superset {release.Version}", nameof(release));
    }

    /// <summary>
    /// Where a flag the release lacks lives in the other catalogued releases: "added in 6.0.0" when a
    /// later release has it, "removed in 6.0.0" when an earlier one had it (the tag that dropped it);
    /// null when no catalogued release has it, or when this release has it.
    /// </summary>
    public static string? Elsewhere(string flag, SupersetRelease release)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(release);
        if (Of(release).Contains(flag))
        {
            return null;
        }

        var ordered = SupersetReleases.All.Values.OrderBy(r => new Version(r.Version)).ToList();
        var at = ordered.FindIndex(r => r.Version == release.Version);
        var added = ordered.Skip(at + 1).FirstOrDefault(r => Of(r).Contains(flag));
        if (added is not null)
        {
            return $"added in {added.Tag}";
        }

        var lastHad = ordered.Take(at).LastOrDefault(r => Of(r).Contains(flag));
        if (lastHad is null)
        {
            return null;
        }

        var removedIn = ordered[ordered.IndexOf(lastHad) + 1];
        return $"removed in {removedIn.Tag}";
    }
}
