using Superset.Catalog;

namespace Superset.Artifacts.Addons;

/// <summary>One cluster add-on the stack installs: a Helm release of a pinned chart.</summary>
/// <param name="Key">The add-on's name in this program (also its Pulumi resource name).</param>
/// <param name="Chart">The pinned chart.</param>
/// <param name="ReleaseName">The Helm release name (kube-prometheus-stack derives its object names and selector label from it).</param>
/// <param name="Namespace">Where the release installs.</param>
/// <param name="Values">Chart values: nested dictionaries, lists and scalars, each key checked against the chart at its pinned version (tests).</param>
/// <param name="DependsOn">Keys of the add-ons that must be installed first (whose CRDs or APIs this one uses).</param>
public sealed record AddonRelease(
    string Key,
    PinnedChart Chart,
    string ReleaseName,
    string Namespace,
    IReadOnlyDictionary<string, object> Values,
    IReadOnlyList<string> DependsOn);
