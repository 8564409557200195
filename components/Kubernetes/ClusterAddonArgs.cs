using Superset.Catalog;

namespace Superset.Components.Kubernetes;

/// <summary>What <see cref="ClusterAddon"/> installs.</summary>
public sealed record ClusterAddonArgs
{
    /// <summary>The pinned chart.</summary>
    public required PinnedChart Chart { get; init; }

    /// <summary>Helm release name (kube-prometheus-stack labels its selectors with it).</summary>
    public required string ReleaseName { get; init; }

    /// <summary>Namespace to install into; the chart's documented default when null.</summary>
    public string? Namespace { get; init; }

    /// <summary>Chart values: plain dictionaries, lists and scalars.</summary>
    public IReadOnlyDictionary<string, object> Values { get; init; } = new Dictionary<string, object>();
}
