using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// Placement as the pods carry it: a role's scheduling over the stack's default, the default spread
/// over zones and nodes for web and pools of two or more pods (and for no other pod), and the
/// additions of podOverrides on the role they name only.
/// </summary>
[Collection("pulumi")]
public sealed class PlacementTests
{
    private const string Stack = """
        config:
          superset:tier: small
          superset:scheduling:
            priorityClassName: superset
            nodeSelector:
              kubernetes.io/arch: amd64
              pool: general
          superset:web:
            minReplicas: 2
            maxReplicas: 4
            scheduling:
              nodeSelector:
                pool: web
          superset:queues:
            reports:
              minReplicas: 2
              maxReplicas: 4
            cache:
              minReplicas: 1
              maxReplicas: 2
            exports:
              minReplicas: 0
              maxReplicas: 2
            default:
              minReplicas: 2
              maxReplicas: 4
              scheduling:
                priorityClassName: batch
                topologySpreadConstraints:
                  - maxSkew: 2
                    topologyKey: topology.kubernetes.io/zone
                    whenUnsatisfiable: DoNotSchedule
                    labelSelector:
                      matchLabels:
                        team: analytics
          superset:podOverrides:
            worker:
              annotations:
                example.com/owner: analytics
              labels:
                team: analytics
        """;

    private static IEnumerable<Manifest> Workloads(Run run) => run.Manifests.Where(m => m.Kind is "Deployment" or "StatefulSet" or "Job");

    [Fact]
    public async Task Web_and_pools_of_two_or_more_spread_over_zones_and_nodes_with_their_own_selector()
    {
        var run = await Harness.YamlAsync(Stack);
        foreach (var name in new[] { "superset-web", "superset-worker-reports" })
        {
            var d = run.Object("Deployment", name);
            var spread = d.Pod.Items("topologySpreadConstraints");
            Assert.Equal(["topology.kubernetes.io/zone", "kubernetes.io/hostname"], spread.Select(c => (string)c.At("topologyKey")!));
            Assert.All(spread, c =>
            {
                Assert.Equal(1L, c.At("maxSkew"));
                Assert.Equal("ScheduleAnyway", c.At("whenUnsatisfiable"));
                Assert.Equal(d.Map("spec.selector.matchLabels"), c.Map("labelSelector.matchLabels"));
            });
        }

        // A pool of one pod, beat, init, exporters and data services: no default spread.
        var spreading = new[] { "superset-web", "superset-worker-reports", "superset-worker-default" };
        Assert.All(Workloads(run).Where(w => !spreading.Contains(w.Name)), w => Assert.Empty(w.Pod.Items("topologySpreadConstraints")));
        Assert.Contains(Workloads(run), w => w.Name == "superset-worker-cache");
    }

    [Fact]
    public async Task A_role_s_own_spread_replaces_the_default_and_its_fields_win_over_the_stack_s()
    {
        var run = await Harness.YamlAsync(Stack);
        var pool = run.Object("Deployment", "superset-worker-default").Pod;
        var spread = Assert.Single(pool.Items("topologySpreadConstraints"));
        Assert.Equal((2L, "DoNotSchedule"), (spread.At("maxSkew"), spread.At("whenUnsatisfiable")));
        Assert.Equal("batch", pool.At("priorityClassName"));

        // nodeSelector merges by key, the role's entry winning.
        var web = run.Object("Deployment", "superset-web").Pod;
        Assert.Equal(new Dictionary<string, object?> { ["kubernetes.io/arch"] = "amd64", ["pool"] = "web" }, web.Map("nodeSelector"));
        Assert.Equal("superset", web.At("priorityClassName"));
        Assert.Equal("general", run.Object("Deployment", "superset-beat").Pod.At("nodeSelector.pool"));
    }

    [Fact]
    public async Task Pod_additions_land_on_the_role_they_name_and_on_no_other_pod()
    {
        var run = await Harness.YamlAsync(Stack);
        foreach (var w in Workloads(run))
        {
            var worker = w.Name.StartsWith("superset-worker-", StringComparison.Ordinal);
            Assert.Equal(worker ? "analytics" : null, w.Map("spec.template.metadata.labels").GetValueOrDefault("team"));
            Assert.Equal(worker ? "analytics" : null, w.Map("spec.template.metadata.annotations").GetValueOrDefault("example.com/owner"));
        }

        // The selector is the component's, untouched by the added label.
        Assert.DoesNotContain("team", run.Object("Deployment", "superset-worker-reports").Map("spec.selector.matchLabels").Keys);
    }

    [Fact]
    public async Task Without_scheduling_keys_only_the_default_spread_is_set()
    {
        var run = await Harness.YamlAsync("config:\n  superset:tier: small\n");
        foreach (var w in Workloads(run))
        {
            Assert.Null(w.Pod.At("nodeSelector"));
            Assert.Null(w.Pod.At("tolerations"));
            Assert.Null(w.Pod.At("affinity"));
            Assert.Null(w.Pod.At("priorityClassName"));
            Assert.Null(w.Pod.At("imagePullSecrets"));
            Assert.Equal(false, w.Pod.At("automountServiceAccountToken"));
        }
    }

    [Fact]
    public async Task An_existing_account_is_named_not_declared_and_only_superset_s_pods_run_as_it()
    {
        var run = await Harness.YamlAsync("config:\n  superset:tier: small\n  superset:serviceAccount:\n    create: false\n    name: platform-superset\n");
        Assert.DoesNotContain(run.All("ServiceAccount"), a => a.Name is "platform-superset" or "superset");
        foreach (var w in Workloads(run))
        {
            var superset = (string)w.Map("spec.template.metadata.labels")["app.kubernetes.io/component"]! is "web" or "worker" or "beat" or "init";
            Assert.Equal(superset, Equals(w.Pod.At("serviceAccountName"), "platform-superset"));
        }
    }
}

/// <summary>
/// A key left unset leaves its field absent: no object of dev or prod carries an empty annotations
/// map (an empty map is a diff at the next preview of every stack deployed before the key existed).
/// </summary>
[Collection("pulumi")]
public sealed class UnsetFieldTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task No_object_carries_an_empty_annotations_map(string stack)
    {
        var run = await Harness.StackAsync(stack);
        var empty = run.Manifests
            .Where(m => m.At("metadata.annotations") is Dictionary<string, object?> { Count: 0 })
            .Select(m => $"{m.Kind}/{m.Name}")
            .ToList();
        Assert.Empty(empty);
    }
}
