namespace Superset.Stacks.Topology;

/// <summary>Where a connection comes from.</summary>
public abstract record Peer
{
    /// <summary>How the matrix names it.</summary>
    public abstract string Label { get; }
}

/// <summary>The stack's own pods of one component (every pool, for workers).</summary>
/// <param name="Component">Their component label.</param>
public sealed record PodsOf(string Component) : Peer
{
    /// <inheritdoc/>
    public override string Label => Component;
}

/// <summary>Any pod of another namespace (the ingress controller's, Prometheus').</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Role">What runs there (ingress controller, Prometheus, or an unrelated tenant).</param>
public sealed record InNamespace(string Namespace, string Role) : Peer
{
    /// <inheritdoc/>
    public override string Label => $"{Role} (namespace {Namespace})";
}
