namespace Superset.Components;

/// <summary>Inputs of <see cref="SupersetNamespace"/>.</summary>
public sealed record SupersetNamespaceArgs
{
    /// <summary>The namespace name (a DNS-1123 label, validated by the settings loader).</summary>
    public required string Name { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label: the Pulumi stack.</summary>
    public required string Instance { get; init; }

    /// <summary>The sizing tier, recorded as an annotation so <c>kubectl describe ns</c> shows it.</summary>
    public required string Tier { get; init; }
}
