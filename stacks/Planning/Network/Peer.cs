namespace Superset.Planning.Network;

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

/// <summary>
/// Addresses outside the pods' model: a load balancer in IP mode (an ALB's or NLB's addresses in
/// <c>ingress.sourceCidrs</c>), admitted by an ipBlock. The matrix tries one address of the block.
/// </summary>
/// <param name="Cidr">The block.</param>
/// <param name="Role">What connects from it.</param>
public sealed record FromCidr(string Cidr, string Role) : Peer
{
    /// <inheritdoc/>
    public override string Label => $"{Role} ({Cidr})";
}

/// <summary>Pods of another namespace (the ingress controller's, Prometheus', KEDA's operator).</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Role">What runs there (ingress controller, Prometheus, or an unrelated tenant).</param>
/// <param name="PodLabels">The labels that single out the pods (KEDA's operator among KEDA's pods); null: any pod of the namespace.</param>
public sealed record InNamespace(string Namespace, string Role, IReadOnlyDictionary<string, string>? PodLabels = null) : Peer
{
    /// <inheritdoc/>
    public override string Label => PodLabels is null
        ? $"{Role} (namespace {Namespace})"
        : $"{Role} (namespace {Namespace}, {string.Join(", ", PodLabels.Select(l => $"{l.Key}={l.Value}"))})";
}
