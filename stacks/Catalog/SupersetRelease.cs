namespace Superset.Catalog;

/// <summary>
/// What one Superset release has that the generated settings depend on: its Celery modules and
/// tasks, the modules its own <c>CeleryConfig.imports</c> lists, the modules that may only be
/// imported when a feature is on, and where its official <c>-dev</c> image keeps a browser.
/// Built only by <see cref="SupersetReleases"/>; every fact there cites its upstream file.
/// </summary>
/// <param name="Version">The major.minor the catalog is keyed by, e.g. <c>5.0</c>.</param>
/// <param name="Tag">The release tag the facts were read at, e.g. <c>5.0.0</c>.</param>
/// <param name="Tasks">Every task the release registers that this program routes.</param>
/// <param name="DefaultImports">Superset's own <c>CeleryConfig.imports</c> (superset/config.py).</param>
/// <param name="GatedImports">Modules that read the Flask config at import time and are imported by Superset only when their feature flag is on: module → flag.</param>
/// <param name="DevImageBrowsersPath">Where the official <c>-dev</c> image installs Playwright's Chromium; null when that image has none.</param>
/// <param name="DependencyPins">Superset's own requirement of a package an image build may install again (pyproject.toml), as a PEP 440 specifier.</param>
public sealed record SupersetRelease(
    string Version,
    string Tag,
    IReadOnlyList<SupersetTask> Tasks,
    IReadOnlyList<string> DefaultImports,
    IReadOnlyDictionary<string, string> GatedImports,
    string? DevImageBrowsersPath,
    IReadOnlyDictionary<string, string> DependencyPins)
{
    /// <summary>Every module that registers one of <see cref="Tasks"/>.</summary>
    public IReadOnlyList<string> Modules => Tasks.Select(t => t.Module).Distinct().ToList();

    /// <summary>
    /// The modules Celery imports at worker and beat start for a stack with the given feature
    /// flags: Superset's own list plus every task module, minus a gated module whose flag is off
    /// (Celery re-raises an import error and the worker exits).
    /// </summary>
    public IReadOnlyList<string> ImportsFor(IReadOnlySet<string> enabledFlags)
    {
        ArgumentNullException.ThrowIfNull(enabledFlags);
        return DefaultImports.Concat(Modules).Distinct()
            .Where(m => !GatedImports.TryGetValue(m, out var flag) || enabledFlags.Contains(flag))
            .ToList();
    }
}
