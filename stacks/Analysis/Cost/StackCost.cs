namespace Superset.Analysis.Cost;

/// <summary>What one item of a stack costs a month, at the autoscalers' minimum and maximum.</summary>
/// <param name="Name">The workload or managed service: <c>web</c>, <c>worker-default</c>, <c>rds</c>, <c>elasticache-cache</c>…</param>
/// <param name="MonthlyAtMin">US dollars a month with every autoscaler at its minimum, rounded to cents.</param>
/// <param name="MonthlyAtMax">US dollars a month with every autoscaler at its maximum, rounded to cents.</param>
/// <param name="Basis">The arithmetic, for a reader to check: pods × share of a node × price × hours.</param>
public sealed record CostItem(string Name, decimal MonthlyAtMin, decimal MonthlyAtMax, string Basis);

/// <summary>A stack's monthly cost at list prices: what <c>plan</c> prints and <c>plan --json</c> carries as <c>cost</c>.</summary>
public sealed record StackCost
{
    /// <summary>Always <c>USD</c>: AWS's list prices.</summary>
    public required string Currency { get; init; }

    /// <summary>The region whose prices were used.</summary>
    public required string Region { get; init; }

    /// <summary>The oldest publication date among the prices used (yyyy-MM-dd).</summary>
    public required string PricesAsOf { get; init; }

    /// <summary>The sum of the items at the autoscalers' minimum.</summary>
    public required decimal MonthlyAtMin { get; init; }

    /// <summary>The sum of the items at their maximum.</summary>
    public required decimal MonthlyAtMax { get; init; }

    /// <summary>One per workload or managed service.</summary>
    public required IReadOnlyList<CostItem> Items { get; init; }

    /// <summary>The EC2 type the pods are priced on.</summary>
    public required string NodeType { get; init; }

    /// <summary>Taken off every list price.</summary>
    public required decimal DiscountPercent { get; init; }

    /// <summary>The prices used that no AWS source confirmed (region, kind, type), empty when none.</summary>
    public required IReadOnlyList<string> Unconfirmed { get; init; }

    /// <summary>What one pod of each pod group costs an hour (its share of a node), for <c>simulate</c>.</summary>
    public required IReadOnlyDictionary<string, decimal> PodHourUsd { get; init; }
}
