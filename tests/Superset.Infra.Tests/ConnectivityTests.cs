using Superset.Analysis.Network;
using Superset.Analysis.Render;
using Superset.Configuration.Reading;
using Superset.Planning.Network;
using Superset.Planning.Sizing;
using Superset.Planning.Topology;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The rendered NetworkPolicies, evaluated with Kubernetes' semantics over the rendered pods: every
/// connection of the stack's topology passes, every forbidden one is refused. The policies are
/// derived from the same topology, so these tests also hold the derivation to the semantics: a
/// rule that admits the wrong peer or port fails here, not in a cluster.
/// </summary>
[Collection("pulumi")]
public sealed class ConnectivityTests
{
    private const string FlowerAndWebsocket =
        "config:\n  superset:flower:\n    enabled: true\n  superset:asyncQueries:\n    transport: ws\n    websocketImage: registry.example.com/superset-websocket:5.0.0\n";

    public static TheoryData<string, string> Stacks => new()
    {
        { "dev", File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.dev.yaml")) },
        { "prod", File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.prod.yaml")) },
        { "dev-flower-ws", FlowerAndWebsocket },
        { "dev-flower-ingress", FlowerAndWebsocket.Replace("enabled: true", "enabled: true\n    ingress: true", StringComparison.Ordinal) },
        { "dev-no-monitoring", "config:\n  superset:monitoring:\n    enabled: false\n" },
        { "dev-hpa", "config:\n  superset:autoscaling:\n    engine: hpa\n" },
    };

    private static async Task<(StackTopology Topology, List<Dictionary<string, object?>> Manifests)> RenderAsync(string yaml, string stack)
    {
        var run = await Harness.YamlAsync(yaml, stack);
        var topology = TopologyBuilder.For(Planner.Plan(SettingsLoader.Load(StackFile.Parse(yaml, $"Pulumi.{stack}.yaml")), stack));
        return (topology, run.Manifests.Select(m => m.Body).ToList());
    }

    private static IReadOnlyList<MatrixRow> Evaluate(StackTopology topology, IEnumerable<Dictionary<string, object?>> manifests) =>
        ConnectionMatrix.Evaluate(topology, manifests.Cast<IReadOnlyDictionary<string, object?>>());

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_needed_connection_passes_and_every_forbidden_one_is_refused(string stack, string yaml)
    {
        var (topology, manifests) = await RenderAsync(yaml, stack);
        var rows = Evaluate(topology, manifests);

        Assert.Contains(rows, r => r.Needed);
        Assert.Contains(rows, r => !r.Needed);
        Assert.All(rows, r => Assert.True(r.AsIntended,
            $"{(r.Needed ? "needed but refused" : "forbidden but allowed")}: {r.Connection.From.Label} -> {r.Connection.To}:{r.Connection.Port}: {r.Detail}"));
    }

    [Theory]
    // The connections the first topology found refused (docs/decisions/0004-one-topology.md): each must be in the topology and pass.
    [InlineData("worker", "web", "http")]
    [InlineData("celery-exporter", "redis-broker", "redis")]
    [InlineData("postgres-exporter", "postgresql", "postgresql")]
    [InlineData("flower", "redis-broker", "redis")]
    [InlineData("websocket", "redis-cache", "redis")]
    public async Task The_connections_the_old_policies_refused_now_pass(string from, string to, string port)
    {
        var (topology, manifests) = await RenderAsync(FlowerAndWebsocket, "dev");
        var row = Evaluate(topology, manifests).Single(r => r.Needed && r.Connection.From is PodsOf p && p.Component == from && r.Connection.To == to);

        Assert.Equal(port, row.Connection.Port);
        Assert.True(row.Allowed, row.Detail);
    }

    [Fact]
    public async Task Keda_operator_alone_reads_the_broker()
    {
        var (topology, manifests) = await RenderAsync("config:\n  superset:autoscaling:\n    kedaNamespace: autoscalers\n", "dev");
        var rows = Evaluate(topology, manifests).Where(r => r.Connection.From is InNamespace { Namespace: "autoscalers" }).ToList();

        Assert.Contains(rows, r => r.Needed && r.Allowed && r.Connection.To == "redis-broker" && r.Connection.Port == "redis");
        Assert.Contains(rows, r => !r.Needed && !r.Allowed && r.Connection.To == "redis-broker" && ((InNamespace)r.Connection.From).PodLabels is null);
        Assert.Contains(rows, r => !r.Needed && !r.Allowed && r.Connection.To == "redis-cache");
    }

    [Fact]
    public async Task With_the_hpa_engine_keda_is_not_admitted()
    {
        var (topology, _) = await RenderAsync("config:\n  superset:autoscaling:\n    engine: hpa\n", "dev");
        Assert.DoesNotContain(topology.Connections, c => c.From is InNamespace { Role: "KEDA's operator" });
    }

    [Fact]
    public async Task Prometheus_reaches_metrics_ports_only()
    {
        var (topology, manifests) = await RenderAsync(File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.dev.yaml")), "dev");
        var rows = Evaluate(topology, manifests).Where(r => r.Connection.From is InNamespace { Role: "Prometheus" }).ToList();

        Assert.All(rows.Where(r => r.Allowed), r => Assert.Equal(WorkloadPort.MetricsName, r.Connection.Port));
        Assert.Contains(rows, r => !r.Allowed && r.Connection.To == "redis-broker" && r.Connection.Port == "redis");
        Assert.Contains(rows, r => !r.Allowed && r.Connection.To == "postgresql");
    }

    [Theory]
    [InlineData("superset-redis-broker", "celery-exporter", "redis-broker")]
    [InlineData("superset-web", "worker", "web")]
    [InlineData("superset-postgresql", "postgres-exporter", "postgresql")]
    public async Task Removing_a_needed_rule_is_caught(string policy, string from, string to)
    {
        var (topology, manifests) = await RenderAsync(FlowerAndWebsocket, "dev");
        var tampered = manifests.Select(m => Equals(m["kind"], "NetworkPolicy") && Equals(((Dictionary<string, object?>)m["metadata"]!)["name"], policy)
            ? WithoutSource(m, from) : m).ToList();

        var row = Evaluate(topology, tampered).Single(r => r.Needed && r.Connection.From is PodsOf p && p.Component == from && r.Connection.To == to);
        Assert.False(row.Allowed);
        Assert.Contains("isolated for ingress by", row.Detail, StringComparison.Ordinal);
        Assert.Contains($"NetworkPolicy/{policy}", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_default_deny_closes_every_pod_nobody_connects_to()
    {
        var (topology, manifests) = await RenderAsync(FlowerAndWebsocket, "dev");
        var evaluator = new NetworkPolicyEvaluator(manifests.Cast<IReadOnlyDictionary<string, object?>>());
        var worker = evaluator.Pods.First(p => p.Labels.GetValueOrDefault("app.kubernetes.io/component") == "worker");
        // A worker serves nothing; give it a port to knock on and see the default deny refuse it.
        var knocked = worker with { Ports = new Dictionary<string, (int, string)> { ["debug"] = (5678, "TCP") } };
        var web = evaluator.Pods.First(p => p.Labels.GetValueOrDefault("app.kubernetes.io/component") == "web");

        var verdict = evaluator.Check(web, knocked, "debug");
        Assert.False(verdict.Allowed);
        Assert.Contains(StackTopology.DefaultDenyPolicy, verdict.Reason, StringComparison.Ordinal);
    }

    /// <summary>The policy with <paramref name="component"/> removed from every rule's component list.</summary>
    private static Dictionary<string, object?> WithoutSource(Dictionary<string, object?> policy, string component)
    {
        var copy = (Dictionary<string, object?>)ManifestWriter.ToPlain(policy)!;
        foreach (var rule in ((List<object?>)((Dictionary<string, object?>)copy["spec"]!)["ingress"]!).Cast<Dictionary<string, object?>>())
        {
            foreach (var peer in ((List<object?>?)rule.GetValueOrDefault("from") ?? []).Cast<Dictionary<string, object?>>())
            {
                if (peer.GetValueOrDefault("podSelector") is Dictionary<string, object?> selector
                    && selector.GetValueOrDefault("matchExpressions") is List<object?> expressions)
                {
                    foreach (var e in expressions.Cast<Dictionary<string, object?>>())
                    {
                        ((List<object?>)e["values"]!).Remove(component);
                    }
                }
            }
        }

        return copy;
    }
}
