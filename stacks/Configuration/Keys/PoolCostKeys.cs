namespace Superset.Configuration.Keys;

/// <summary>A pool's own node type and spot discount (<c>web.cost</c>, <c>queues.&lt;name&gt;.cost</c>): plan prices its pods on those nodes.</summary>
public static class PoolCostKeys
{
    /// <summary>The two fields under <paramref name="parent"/>; exactly one of the two getters is given.</summary>
    internal static IReadOnlyList<ConfigKey> Fields(string parent, Func<StackSettings, PoolCost>? of, Func<QueueSettings, PoolCost>? queue) =>
    [
        Define.Text($"{parent}.nodeType", Patterns.Ec2InstanceType, "EC2 type of the node pool these pods run on (its nodeSelector is scheduling's to say).",
            "an EC2 instance type, e.g. m7i.xlarge", of is null ? null : s => of(s).NodeType) with
        {
            DefaultText = "cost.nodeType", QueueSetting = queue is null ? null : q => queue(q).NodeType,
        },
        Define.Number($"{parent}.spotDiscountPercent", 0m, 95m, "Taken off that pool's on-demand price (Spot), percent; on top of cost.discountPercent.",
            of is null ? null : s => of(s).SpotDiscountPercent, " (the pool's Spot discount off the on-demand price, percent)") with
        {
            QueueSetting = queue is null ? null : q => queue(q).SpotDiscountPercent,
        },
    ];
}
