namespace Superset.Configuration;

/// <summary>The node pool one group of pods runs on, for pricing.</summary>
/// <param name="NodeType">Its EC2 type; null: <c>cost.nodeType</c>.</param>
/// <param name="SpotDiscountPercent">Off that pool's on-demand price (Spot), on top of <c>cost.discountPercent</c>.</param>
public sealed record PoolCost(string? NodeType, decimal SpotDiscountPercent)
{
    /// <summary>The stack's node type, no Spot.</summary>
    public static PoolCost Default { get; } = new(null, 0m);
}

/// <summary>The web Service.</summary>
/// <param name="Type">ClusterIP, NodePort or LoadBalancer.</param>
/// <param name="Annotations">Its annotations; null: none.</param>
public sealed record WebServiceSettings(string Type, IReadOnlyDictionary<string, string>? Annotations)
{
    /// <summary>A ClusterIP Service without annotations.</summary>
    public static WebServiceSettings Default { get; } = new("ClusterIP", null);
}
