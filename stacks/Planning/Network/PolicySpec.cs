namespace Superset.Planning.Network;

/// <summary>
/// A NetworkPolicy derived from the topology: it selects one component's pods and admits, per
/// port, exactly the connections the topology lists for it. With no rules it admits nothing.
/// </summary>
/// <param name="Name">metadata.name.</param>
/// <param name="Component">The component whose pods it selects; null selects every pod of the namespace.</param>
/// <param name="Rules">Ingress rules, one per destination port.</param>
public sealed record PolicySpec(string Name, string? Component, IReadOnlyList<PolicyRule> Rules);

/// <summary>One ingress rule: sources admitted to one named port.</summary>
/// <param name="Port">The destination's port name.</param>
/// <param name="FromComponents">The stack's components admitted (same namespace, same instance).</param>
/// <param name="FromNamespaces">Other namespaces' pods admitted: every pod of the namespace, or those with the peer's labels.</param>
public sealed record PolicyRule(string Port, IReadOnlyList<string> FromComponents, IReadOnlyList<InNamespace> FromNamespaces)
{
    /// <summary>Address blocks admitted (an ipBlock each): a load balancer in IP mode.</summary>
    public IReadOnlyList<string> FromCidrs { get; init; } = [];
}
