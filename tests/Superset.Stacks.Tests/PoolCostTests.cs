using Superset.Analysis.Cost;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// A pool priced on the node type it is placed on (web.cost, queues.&lt;name&gt;.cost) less its Spot
/// discount, and the pods the user sizes (beat, Flower, sidecars, volumes) priced at their size; the
/// round prices of <see cref="CostModelTests.Round"/> (t.node: 4 vCPU, 16 GiB, $1/h; t.big: 8 vCPU,
/// 64 GiB, $2/h; gp3 $0.1/GB-month).
/// </summary>
public sealed class PoolCostTests
{
    // CostModelTests' in-cluster stack with reports at 1 to 2 pods (its block last, so a test can add to it).
    private const string InCluster = CostModelTests.InCluster + "\n  superset:queues:\n    reports:\n      minReplicas: 1\n      maxReplicas: 2";

    private static CostItem Item(string yaml, string name) => CostModelTests.CostOf(yaml).Items.Single(i => i.Name == name);

    [Fact]
    public void A_pool_on_its_own_node_type_costs_its_share_of_that_node_less_its_spot_discount()
    {
        // reports (small tier): 500m; on t.node 500m of 4 vCPU = 0.125 × $1 × 730 h = $91.25 a pod.
        Assert.Equal((91.25m, 182.50m), (Item(InCluster, "worker-reports").MonthlyAtMin, Item(InCluster, "worker-reports").MonthlyAtMax));

        // On t.big with 60 % off: 500m of 8 vCPU = 0.0625 × $2 × 0.4 × 730 h = $36.50 a pod.
        var spot = InCluster + "\n      cost:\n        nodeType: t.big\n        spotDiscountPercent: 60\n";
        var reports = Item(spot, "worker-reports");
        Assert.Equal((36.50m, 73.00m), (reports.MonthlyAtMin, reports.MonthlyAtMax));
        Assert.Contains("0.0625 of t.big (500m of 8 vCPU) × $2/h − Spot 60 %", reports.Basis, StringComparison.Ordinal);

        // The other pools stay on cost.nodeType.
        Assert.Equal(Item(InCluster, "worker-cache").MonthlyAtMax, Item(spot, "worker-cache").MonthlyAtMax);
        Assert.Equal(Item(InCluster, "web").MonthlyAtMax, Item(spot, "web").MonthlyAtMax);
    }

    [Fact]
    public void The_web_tier_on_its_own_node_type_and_its_sidecars_requests_are_priced()
    {
        // Web 1000m: on t.big with 50 % off, 1000m of 8 = 0.125 × $2 × 0.5 × 730 h = $91.25 a pod, 2–3 pods.
        var big = Item(InCluster.Replace("maxReplicas: 3\n", "maxReplicas: 3\n    cost:\n      nodeType: t.big\n      spotDiscountPercent: 50\n", StringComparison.Ordinal), "web");
        Assert.Equal((182.50m, 273.75m), (big.MonthlyAtMin, big.MonthlyAtMax));
        Assert.Contains("2–3 pods × 0.125 of t.big", big.Basis, StringComparison.Ordinal);

        // A 1000m sidecar on web: 2000m of 4 vCPU = 0.5 × $1 × 730 h = $365 a pod.
        const string sidecar = "\n  superset:podOverrides:\n    web:\n      sidecars:\n        - name: proxy\n"
            + "          image: quay.io/oauth2-proxy/oauth2-proxy:v7.7.1\n          resources:\n            requests: {cpu: \"1\", memory: 128Mi}\n";
        var web = Item(InCluster + sidecar, "web");
        Assert.Equal((730.00m, 1095.00m), (web.MonthlyAtMin, web.MonthlyAtMax));
    }

    [Fact]
    public void Fixed_pods_and_volumes_sized_by_the_user_are_priced_at_that_size()
    {
        // Beat at 400m / 512 Mi: 400m of 4 vCPU = 0.1 (memory 0.03125) × $1 × 730 h = $73.
        Assert.Equal(73.00m, Item(InCluster + "\n  superset:beat:\n    cpuMillis: 400\n    memoryMi: 512\n", "beat").MonthlyAtMin);

        // Flower at 200m / 384 Mi: 200m of 4 vCPU = 0.05 × 730 h = $36.50.
        Assert.Equal(36.50m, Item(InCluster + "\n  superset:flower:\n    enabled: true\n    cpuMillis: 200\n    memoryMi: 384\n", "flower").MonthlyAtMin);

        // PostgreSQL's volume at 20 GiB: $91.25 for the pod + 20 × $0.1 = $93.25 (10 GiB by default: $92.25).
        Assert.Equal(93.25m, Item(InCluster + "\n  superset:database:\n    storageGi: 20\n", "postgresql").MonthlyAtMin);
    }
}
