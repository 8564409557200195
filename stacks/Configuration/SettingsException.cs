namespace Superset.Configuration;

/// <summary>One problem with one config key: which key, what it held, what would be valid.</summary>
/// <param name="Key">The full config key, e.g. <c>superset:sizing.cacheHitRate</c>.</param>
/// <param name="Value">The value found, as written (or <c>(missing)</c>).</param>
/// <param name="Expected">What would be valid, and where useful how to fix it.</param>
public sealed record SettingsError(string Key, string Value, string Expected)
{
    public override string ToString() => $"{Key} = {Value}: {Expected}";
}

/// <summary>
/// Thrown when settings cannot produce a working deployment. Carries every problem found, not
/// only the first, so one run of <c>plan</c> or <c>pulumi preview</c> shows them all.
/// </summary>
public sealed class SettingsException : Exception
{
    public SettingsException(string origin, IReadOnlyList<SettingsError> errors)
        : base(Format(origin, errors))
    {
        Origin = origin;
        Errors = errors;
    }

    public string Origin { get; }

    public IReadOnlyList<SettingsError> Errors { get; }

    private static string Format(string origin, IReadOnlyList<SettingsError> errors) =>
        $"invalid settings in {origin} ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(e => $"{Environment.NewLine}  - {e}"));
}
