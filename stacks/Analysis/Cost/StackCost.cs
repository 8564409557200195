namespace Superset.Analysis.Cost;

/// <summary>What one item of a stack costs a month, at the autoscalers' minimum and maximum.</summary>
/// <param name="Name">The workload or managed service: <c>web</c>, <c>worker-default</c>, <c>rds</c>, <c>elasticache-cache</c>…</param>
/// <param name="MonthlyAtMin">US dollars a month with every autoscaler at its minimum, rounded to cents.</param>
/// <param name="MonthlyAtMax">US dollars a month with every autoscaler at its maximum, rounded to cents.</param>
/// <param name="Basis">The arithmetic, for a reader to check: pods × share of a node × price × hours.</param>
public sealed record CostItem(string Name, decimal MonthlyAtMin, decimal MonthlyAtMax, string Basis);

/// <summary>A stack's monthly cost at list prices: what <c>plan</c> prints and <c>plan --json</c> carries as <c>cost</c>.</summary>
/// <param name="Currency">Always <c>USD</c>: AWS's list prices.</param>
/// <param name="Region">The region whose prices were used.</param>
/// <param name="PricesAsOf">The oldest publication date among the prices used (yyyy-MM-dd).</param>
/// <param name="MonthlyAtMin">The sum of the items at the autoscalers' minimum.</param>
/// <param name="MonthlyAtMax">The sum of the items at their maximum.</param>
/// <param name="Items">One per workload or managed service.</param>
/// <param name="NodeType">The EC2 type the pods are priced on.</param>
/// <param name="DiscountPercent">Taken off every list price.</param>
/// <param name="Unconfirmed">The prices used that no AWS source confirmed (region, kind, type), empty when none.</param>
/// <param name="PodHourUsd">What one pod of each pod group costs an hour (its share of a node), for <c>simulate</c>.</param>
public sealed record StackCost(
    string Currency,
    string Region,
    string PricesAsOf,
    decimal MonthlyAtMin,
    decimal MonthlyAtMax,
    IReadOnlyList<CostItem> Items,
    string NodeType,
    decimal DiscountPercent,
    IReadOnlyList<string> Unconfirmed,
    IReadOnlyDictionary<string, decimal> PodHourUsd);
