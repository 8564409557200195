using System.Globalization;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Planning.Sizing;
using Superset.Planning.Topology;
using Superset.Planning.Workloads;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The cost model prices what the program declares: every Deployment and StatefulSet with its
/// requests, pod counts and volumes, the RDS engine and storage type, the ElastiCache engine and
/// nodes per group. Rendered under the mock engine, so a component that changes a shape fails here.
/// </summary>
[Collection("pulumi")]
public sealed class CostTruthTests
{
    // Flower, the websocket server and, with monitoring off, no exporters: the optional pods too.
    private const string Optional = "config:\n  superset:tier: medium\n  superset:flower:\n    enabled: true\n"
        + "  superset:asyncQueries:\n    transport: ws\n    websocketImage: registry.example.com/superset-websocket:5.0.0\n"
        + "  superset:monitoring:\n    enabled: false\n";

    public static TheoryData<string> Stacks => new() { "dev", "prod", "optional" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_long_running_pod_is_priced_with_the_shape_the_program_declares(string stack)
    {
        var (run, plan) = stack == "optional"
            ? (await Harness.YamlAsync(Optional), Planner.Plan(SettingsLoader.Load(StackFile.Parse(Optional, "t.yaml")), "t.yaml"))
            : (await Harness.StackAsync(stack), Harness.PlanOf(stack));
        var aws = plan.OnAws;
        // The autoscaler's bounds: an HPA's, or a KEDA ScaledObject's (minReplicaCount may be 0).
        var hpas = run.All("HorizontalPodAutoscaler").ToDictionary(h => (string)h.At("spec.scaleTargetRef.name")!, h => ((int)h.Number("spec.minReplicas"), (int)h.Number("spec.maxReplicas")));
        foreach (var so in run.All("ScaledObject"))
        {
            hpas[(string)so.At("spec.scaleTargetRef.name")!] = ((int)so.Number("spec.minReplicaCount"), (int)so.Number("spec.maxReplicaCount"));
        }

        var declared = run.Manifests.Where(m => m.Kind is "Deployment" or "StatefulSet").Select(m =>
        {
            var name = m.Name["superset-".Length..];
            // On AWS the redis_exporter Deployments keep the in-cluster Service names (superset-redis-<role>).
            name = aws && name.StartsWith("redis-", StringComparison.Ordinal) ? name + "-exporter" : name;
            var containers = m.Pod.Items("containers");
            var (min, max) = hpas.TryGetValue(m.Name, out var bounds)
                ? bounds
                : ((int)m.Number("spec.replicas"), (int)m.Number("spec.replicas"));
            var volume = m.Items("spec.volumeClaimTemplates").Sum(v => Quantity((string)v.At("spec.resources.requests.storage")!, "Gi"));
            return new PodGroup(name, containers.Sum(c => Quantity((string)c.At("resources.requests.cpu")!, "m")),
                containers.Sum(c => Quantity((string)c.At("resources.requests.memory")!, "Mi")), min, max, volume);
        }).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

        // The shape only: which node pool prices a group is the cost model's (CostModelTests).
        Assert.Equal(declared, WorkloadRegistry.Pods(plan).Select(p => p with { Pool = PoolCost.Default, PoolKey = null }).OrderBy(p => p.Name, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task The_aws_data_tier_is_what_the_price_rows_describe()
    {
        var run = await Harness.StackAsync("prod");
        var plan = Harness.PlanOf("prod");
        var db = Manifest.Of(run.Recorded.Single(r => r.Type == "aws:rds/instance:Instance"));
        // The price rows are RDS for PostgreSQL, gp3 storage, the stack's allocated size and AZ mode.
        Assert.Equal(("postgres", "gp3"), ((string?)db.At("engine"), (string?)db.At("storageType")));
        Assert.Equal(plan.Aws!.AllocatedStorageGb, (int)db.Number("allocatedStorage"));
        Assert.Equal(plan.Aws!.MultiAz, db.At("multiAz"));

        var groups = run.Recorded.Where(r => r.Type == "aws:elasticache/replicationGroup:ReplicationGroup").Select(Manifest.Of).ToList();
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g =>
        {
            Assert.Equal("redis", g.At("engine")); // the Redis OSS rows, not Valkey's
            Assert.Equal(plan.Broker.NodesPerGroup, (int)g.Number("numCacheClusters"));
        });
        Assert.Equal(new[] { plan.Broker.NodeType, plan.Cache.NodeType }.Order(), groups.Select(g => (string?)g.At("nodeType")).Order());
    }

    /// <summary>A Kubernetes quantity in the one unit the components write it in (<c>250m</c>, <c>64Mi</c>, <c>10Gi</c>).</summary>
    private static int Quantity(string value, string unit) =>
        value.EndsWith(unit, StringComparison.Ordinal)
            ? int.Parse(value[..^unit.Length], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{value}: expected a quantity in {unit}");
}
