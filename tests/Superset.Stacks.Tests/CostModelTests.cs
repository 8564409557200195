using Superset.Analysis.Cost;
using Superset.Catalog.Prices;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The cost arithmetic on hand-worked cases, with a price table of round figures.</summary>
public sealed class CostModelTests
{
    // Round prices so every expected figure below can be worked by hand. The types are real catalog
    // names (the settings accept only those); the prices are not.
    internal static readonly PriceTable Round = PriceTable.Parse("""
        # test prices
        region,kind,type,usd,per,vcpu,memoryGiB,source,asOf,status
        us-test-1,ec2,t.node,1,hour,4,16,test,2026-01-02,confirmed
        us-test-1,ec2,t.big,2,hour,8,64,test,2026-01-02,confirmed
        us-test-1,ebs,gp3,0.1,GB-month,,,test,2026-01-02,confirmed
        us-test-1,rds,db.r6g.large,0.5,hour,,,test,2026-01-03,confirmed
        us-test-1,rds-multi-az,db.r6g.large,1,hour,,,test,2026-01-03,confirmed
        us-test-1,rds-storage,gp3,0.1,GB-month,,,test,2026-01-03,confirmed
        us-test-1,rds-storage-multi-az,gp3,0.2,GB-month,,,test,2025-12-31,confirmed
        us-test-1,elasticache,cache.t4g.small,0.25,hour,,,test,2026-01-04,confirmed
        us-test-1,elasticache,cache.r7g.large,0.5,hour,,,other,2026-01-04,unconfirmed
        """);

    // Web 1 CPU / 1 GiB, 2 to 3 pods; beat 100m / 512 Mi; no exporters, so the items are few.
    internal const string InCluster = """
        config:
          superset:tier: small
          superset:cost:
            region: us-test-1
            nodeType: t.node
          superset:monitoring:
            enabled: false
          superset:web:
            minReplicas: 2
            maxReplicas: 3
        """;

    internal static StackCost CostOf(string yaml, PriceTable? table = null) =>
        CostModel.Price(PlannerTests.PlanOf(yaml), "t.yaml", table ?? Round);

    private static CostItem Item(StackCost cost, string name) => cost.Items.Single(i => i.Name == name);

    [Fact]
    public void A_pod_costs_its_cpu_share_of_a_node_for_730_hours()
    {
        // 1000m of 4 vCPU = 0.25 (memory: 1 GiB of 16 = 0.0625); 0.25 × $1 × 730 h = $182.50 a pod.
        var web = Item(CostOf(InCluster), "web");
        Assert.Equal((365.00m, 547.50m), (web.MonthlyAtMin, web.MonthlyAtMax));
        Assert.Contains("2–3 pods × 0.25 of t.node (1000m of 4 vCPU)", web.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_that_fills_memory_first_costs_its_memory_share()
    {
        // Beat: 100m of 4 vCPU = 0.025, 512 Mi of 16 GiB = 0.03125; 0.03125 × $1 × 730 = $22.8125.
        var beat = Item(CostOf(InCluster), "beat");
        Assert.Equal((22.81m, 22.81m), (beat.MonthlyAtMin, beat.MonthlyAtMax));
        Assert.Contains("512 Mi of 16 GiB", beat.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void An_in_cluster_volume_adds_its_gp3_storage()
    {
        // PostgreSQL (small tier): 500m of 4 = 0.125, 2048 Mi of 16 GiB = 0.125: $91.25; 10 GiB × $0.1 = $1.
        var pg = Item(CostOf(InCluster), "postgresql");
        Assert.Equal((92.25m, 92.25m), (pg.MonthlyAtMin, pg.MonthlyAtMax));
        // The broker keeps a 2 GiB volume, the cache none: 300m + 320 Mi → 0.075 × 730 = $54.75.
        Assert.Equal(54.95m, Item(CostOf(InCluster), "redis-broker").MonthlyAtMin);
        Assert.Equal(54.75m, Item(CostOf(InCluster), "redis-cache").MonthlyAtMin);
    }

    [Fact]
    public void Rds_costs_its_class_and_storage_and_each_cache_group_its_nodes()
    {
        // Multi-AZ: $1/h × 730 = $730; 100 GB × $0.2 = $20; each group 2 nodes × $0.25 × 730 = $365.
        const string aws = "config:\n  superset:tier: small\n  superset:dataServices: aws\n  aws:region: us-test-1\n"
            + "  superset:cost:\n    nodeType: t.node\n  superset:database:\n    instanceClass: db.r6g.large\n"
            + "  superset:redis:\n    cache:\n      nodeType: cache.t4g.small\n";
        var multi = CostOf(aws + "  superset:aws:\n    multiAz: true\n    allocatedStorageGb: 100\n" + PlannerTests.AwsNetwork[16..]);
        Assert.Equal(730.00m, Item(multi, "rds").MonthlyAtMax);
        Assert.Equal(20.00m, Item(multi, "rds-storage").MonthlyAtMax);
        Assert.Equal(365.00m, Item(multi, "elasticache-broker").MonthlyAtMax);
        Assert.Equal(365.00m, Item(multi, "elasticache-cache").MonthlyAtMax);

        // Single-AZ: $0.5 × 730 = $365; 100 GB × $0.1 = $10; one node a group: $182.50.
        var single = CostOf(aws + "  superset:aws:\n    multiAz: false\n    allocatedStorageGb: 100\n" + PlannerTests.AwsNetwork[16..]);
        Assert.Equal((365.00m, 10.00m, 182.50m), (Item(single, "rds").MonthlyAtMin, Item(single, "rds-storage").MonthlyAtMin, Item(single, "elasticache-cache").MonthlyAtMin));
        Assert.Equal("us-test-1", single.Region);
    }

    [Fact]
    public void A_discount_comes_off_every_item()
    {
        var full = CostOf(InCluster);
        var less = CostOf(InCluster.Replace("nodeType: t.node", "nodeType: t.node\n    discountPercent: 10", StringComparison.Ordinal));
        Assert.Equal(328.50m, Item(less, "web").MonthlyAtMin); // $365.00 × 0.9
        // Each item is rounded to cents after the discount: within a cent of 90 % of the rounded full price.
        Assert.All(less.Items, i => Assert.True(Math.Abs((full.Items.Single(f => f.Name == i.Name).MonthlyAtMax * 0.9m) - i.MonthlyAtMax) <= 0.01m, i.Name));
        Assert.Contains("− 10 %", Item(less, "web").Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void The_totals_are_the_sums_of_the_items_and_the_date_is_the_oldest_price_used()
    {
        var cost = CostOf(InCluster);
        Assert.Equal(cost.Items.Sum(i => i.MonthlyAtMin), cost.MonthlyAtMin);
        Assert.Equal(cost.Items.Sum(i => i.MonthlyAtMax), cost.MonthlyAtMax);
        Assert.Equal("2026-01-02", cost.PricesAsOf);
        Assert.Equal(new[] { "web", "worker-default", "worker-exports", "worker-reports", "worker-cache", "beat", "postgresql", "redis-broker", "redis-cache" },
            cost.Items.Select(i => i.Name));
    }

    [Fact]
    public void An_unconfirmed_price_is_named_in_the_output()
    {
        const string aws = "config:\n  superset:tier: medium\n  superset:dataServices: aws\n  aws:region: us-test-1\n"
            + "  superset:cost:\n    nodeType: t.big\n  superset:database:\n    instanceClass: db.r6g.large\n"
            + "  superset:redis:\n    broker:\n      nodeType: cache.t4g.small\n";
        var cost = CostOf(aws);
        Assert.Equal("us-test-1 elasticache cache.r7g.large (other, 2026-01-04)", Assert.Single(cost.Unconfirmed));
        Assert.Contains("unconfirmed price used: us-test-1 elasticache cache.r7g.large", CostReport.Table(cost), StringComparison.Ordinal);
        Assert.Equal("2025-12-31", cost.PricesAsOf); // Multi-AZ storage, the oldest row used
        Assert.Empty(CostOf(InCluster).Unconfirmed);
    }

    [Fact]
    public void Raising_a_pools_maximum_raises_the_maximum_and_not_the_minimum()
    {
        var before = CostOf(InCluster);
        var after = CostOf(InCluster + "\n  superset:queues:\n    default:\n      maxReplicas: 6\n");
        Assert.Equal(before.MonthlyAtMin, after.MonthlyAtMin);
        // default pool: 1000m of 4 vCPU = $182.50 a pod; from 4 to 6 pods at the maximum: 2 × $182.50.
        Assert.Equal(before.MonthlyAtMax + (2 * 182.50m), after.MonthlyAtMax);
    }

    [Fact]
    public void Simulated_pod_hours_cost_the_same_share_as_the_plan()
    {
        var cost = CostOf(InCluster);
        Assert.Equal(0.25m, cost.PodHourUsd["worker-default"]); // 1000m of 4 vCPU × $1/h
        Assert.Equal(Item(cost, "worker-default").MonthlyAtMax, cost.PodHourUsd["worker-default"] * CostModel.HoursPerMonth * 4);
    }
}
