using Superset.Analysis.Network;
using Superset.Configuration.Reading;
using Superset.Planning.Network;
using Superset.Planning.Sizing;
using Superset.Planning.Topology;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The example stacks of docs/examples (EKS with IRSA, Spot pools and an ALB; a Gateway API route;
/// Traefik; an NLB without an Ingress; ingress-nginx with a sidecar): each plans, renders, and its
/// connections, sidecar ports included, are as intended; the keys land on exactly the pods they name.
/// </summary>
[Collection("pulumi")]
public sealed class PlatformExampleTests
{
    private static readonly string[] SupersetComponents = ["web", "worker", "beat", "init"];

    public static TheoryData<string> Examples => [.. Directory.GetFiles(Path.Combine(Harness.RepoRoot(), "docs", "examples"), "Pulumi.*.yaml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    private static async Task<(Run Run, IReadOnlyList<MatrixRow> Rows)> RenderAsync(string file)
    {
        var yaml = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "docs", "examples", file));
        var stack = file["Pulumi.".Length..^".yaml".Length];
        var run = await Harness.YamlAsync(yaml, stack);
        var topology = TopologyBuilder.For(Planner.Plan(SettingsLoader.Load(StackFile.Parse(yaml, file)), file));
        return (run, ConnectionMatrix.Evaluate(topology, run.Manifests.Select(m => (IReadOnlyDictionary<string, object?>)m.Body)));
    }

    private static IEnumerable<Manifest> Workloads(Run run) => run.Manifests.Where(m => m.Kind is "Deployment" or "StatefulSet" or "Job");

    private static string Component(Manifest m) => (string)m.Map("spec.template.metadata.labels")["app.kubernetes.io/component"]!;

    /// <summary>A key with dots (a label or annotation) of the map at <paramref name="path"/>.</summary>
    private static object? Key(Manifest m, string path, string key) => m.Map(path).GetValueOrDefault(key);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_connection_is_as_intended(string file)
    {
        var (_, rows) = await RenderAsync(file);
        Assert.Contains(rows, r => r.Needed);
        Assert.All(rows, r => Assert.True(r.AsIntended, $"{r.Connection.From.Label} -> {r.Connection.To}:{r.Connection.Port}: {r.Detail}"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_pod_has_its_own_account_and_no_api_token(string file)
    {
        var (run, _) = await RenderAsync(file);
        var accounts = run.All("ServiceAccount").Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var w in Workloads(run))
        {
            Assert.Equal(false, w.Pod.At("automountServiceAccountToken"));
            var account = (string)w.Pod.At("serviceAccountName")!;
            Assert.NotEqual("default", account);
            if (SupersetComponents.Contains(Component(w)))
            {
                Assert.Equal("superset", account);
            }
            else
            {
                Assert.Equal(w.Kind == "StatefulSet" || w.Kind == "Deployment" ? w.Name : null, account);
                Assert.Contains(account, accounts);
            }
        }
    }

    [Fact]
    public async Task The_eks_example_gives_superset_pods_the_role_spot_pools_and_pull_secrets()
    {
        var (run, rows) = await RenderAsync("Pulumi.eks-alb.yaml");
        Assert.Equal("arn:aws:iam::123456789012:role/superset-s3-athena", Key(run.Object("ServiceAccount", "superset"), "metadata.annotations", "eks.amazonaws.com/role-arn"));
        foreach (var w in Workloads(run))
        {
            // Pull secrets on every pod the stack declares, exporters included.
            Assert.Equal(["registry-example-com"], w.Pod.Items("imagePullSecrets").Select(s => (string)s.At("name")!));
            var spot = w.Name is "superset-worker-reports" or "superset-worker-cache";
            Assert.Equal(spot, Equals(Key(w.Pod, "nodeSelector", "karpenter.sh/capacity-type"), "spot"));
            Assert.Equal(spot, w.Pod.Items("tolerations").Any(t => (string?)t.At("key") == "spot"));
            Assert.Equal("superset", w.Pod.At("priorityClassName"));
        }

        var web = run.Object("Deployment", "superset-web").Pod;
        Assert.Equal("on-demand", Key(web, "nodeSelector", "karpenter.sh/capacity-type"));
        Assert.Equal("amd64", Key(web, "nodeSelector", "kubernetes.io/arch"));
        Assert.Equal(["topology.kubernetes.io/zone", "kubernetes.io/hostname"], web.Items("topologySpreadConstraints").Select(c => (string)c.At("topologyKey")!));
        Assert.All(web.Items("topologySpreadConstraints"), c => Assert.Equal("ScheduleAnyway", c.At("whenUnsatisfiable")));
        // The sidecar only on web, with the restricted context filled in; its port admitted to Prometheus only.
        Assert.Equal(false, web.Container("statsd-exporter").At("securityContext.allowPrivilegeEscalation"));
        Assert.All(Workloads(run).Where(w => w.Name != "superset-web"), w => Assert.DoesNotContain(w.Pod.Items("containers"), c => (string?)c.At("name") == "statsd-exporter"));
        Assert.Contains(rows, r => r.Needed && r.Allowed && r.Connection is { To: "web", Port: "statsd-metrics", From: InNamespace { Role: "Prometheus" } });
        Assert.Contains(rows, r => !r.Needed && !r.Allowed && r.Connection is { To: "web", Port: "http", From: FromCidr });
        Assert.Contains(rows, r => r.Needed && r.Allowed && r.Connection is { To: "web", Port: "http", From: FromCidr { Cidr: "10.0.0.0/16" } });
        var ingress = run.Object("Ingress", "superset");
        Assert.Equal("ip", Key(ingress, "metadata.annotations", "alb.ingress.kubernetes.io/target-type"));
        Assert.Equal("internet-facing", Key(ingress, "metadata.annotations", "alb.ingress.kubernetes.io/scheme"));
    }

    [Fact]
    public async Task The_gateway_example_routes_with_an_httproute_and_admits_the_gateway_s_namespace()
    {
        var (run, rows) = await RenderAsync("Pulumi.gateway.yaml");
        Assert.Empty(run.All("Ingress"));
        var route = run.Object("HTTPRoute", "superset");
        Assert.Equal("gateways", route.At("spec.parentRefs.0.namespace"));
        Assert.Equal("https", route.At("spec.parentRefs.0.sectionName"));
        Assert.Contains(rows, r => r.Needed && r.Allowed && r.Connection is { To: "web", Port: "http", From: InNamespace { Namespace: "gateways" } });
        Assert.Contains(rows, r => r.Needed && r.Allowed && r.Connection is { To: "worker", Port: "statsd-metrics" });
        // Sizes and volumes the keys give.
        Assert.Equal("200m", run.Object("Deployment", "superset-beat").Pod.At("containers.0.resources.requests.cpu"));
        Assert.Equal("20Gi", run.Object("StatefulSet", "superset-postgresql").At("spec.volumeClaimTemplates.0.spec.resources.requests.storage"));
        Assert.Equal("gp3", run.Object("StatefulSet", "superset-redis-broker").At("spec.volumeClaimTemplates.0.spec.storageClassName"));
        Assert.Equal("superset-infra", run.Object("Deployment", "superset-celery-exporter").Pod.At("priorityClassName"));
        Assert.Null(run.Object("Deployment", "superset-web").Pod.At("priorityClassName"));
    }

    [Fact]
    public async Task The_nginx_example_admits_the_controller_s_pods_to_the_sidecar_port_and_no_one_else()
    {
        var (run, rows) = await RenderAsync("Pulumi.nginx-sidecar.yaml");
        Assert.Contains(rows, r => r.Needed && r.Allowed && r.Connection is { To: "web", Port: "auth-proxy", From: InNamespace { Namespace: "ingress-nginx", PodLabels: not null } });
        Assert.Contains(rows, r => !r.Needed && !r.Allowed && r.Connection is { To: "web", Port: "auth-proxy", From: InNamespace { Namespace: "ingress-nginx", PodLabels: null } });
        Assert.Contains(rows, r => !r.Needed && !r.Allowed && r.Connection is { To: "web", Port: "auth-proxy", From: InNamespace { Role: var role } } && role != "ingress controller");
        var ingress = run.Object("Ingress", "superset");
        Assert.Equal("nginx", ingress.At("spec.ingressClassName"));
        Assert.All(Workloads(run), w => Assert.Equal("business-critical", w.Pod.At("priorityClassName")));
        Assert.Single(Workloads(run), w => w.Pod.Items("containers").Any(c => (string?)c.At("name") == "auth-proxy"));
    }

    [Fact]
    public async Task Each_controller_s_timeout_is_above_gunicorn_s_in_its_own_terms()
    {
        static int Seconds(object? value) => int.Parse(((string)value!).TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
        static int Gunicorn(string file) =>
            Planner.Plan(SettingsLoader.Load(StackFile.Parse(File.ReadAllText(Path.Combine(Harness.RepoRoot(), "docs", "examples", file)), file)), file).Web.TimeoutSeconds;

        // ALB: the load balancer's idle timeout (an attribute, 60 s by default).
        var alb = (await RenderAsync("Pulumi.eks-alb.yaml")).Run.Object("Ingress", "superset");
        var attributes = (string)Key(alb, "metadata.annotations", "alb.ingress.kubernetes.io/load-balancer-attributes")!;
        Assert.True(Seconds(attributes.Split('=')[1]) > Gunicorn("Pulumi.eks-alb.yaml"), attributes);

        // Traefik: the ServersTransport the web Service names, its response-header timeout.
        var traefik = (await RenderAsync("Pulumi.traefik.yaml")).Run;
        Assert.True(Seconds(traefik.Object("ServersTransport", "superset-web").At("spec.forwardingTimeouts.responseHeaderTimeout")) > Gunicorn("Pulumi.traefik.yaml"));
        Assert.Equal("superset-traefik-superset-web@kubernetescrd", Key(traefik.Object("Service", "superset-web"), "metadata.annotations", "traefik.ingress.kubernetes.io/service.serverstransport"));

        // Gateway API: the web rule's request and backend-request timeouts.
        var route = (await RenderAsync("Pulumi.gateway.yaml")).Run.Object("HTTPRoute", "superset");
        var web = route.Items("spec.rules").Single(r => (string?)r.At("backendRefs.0.name") == "superset-web");
        Assert.All(new[] { "request", "backendRequest" }, t => Assert.True(Seconds(web.At($"timeouts.{t}")) > Gunicorn("Pulumi.gateway.yaml"), t));
    }

    [Fact]
    public async Task The_nlb_example_has_no_ingress_and_admits_the_vpc_s_addresses_to_the_web_pods()
    {
        var (run, rows) = await RenderAsync("Pulumi.nlb.yaml");
        Assert.Empty(run.All("Ingress"));
        var service = run.Object("Service", "superset-web");
        Assert.Equal("LoadBalancer", service.At("spec.type"));
        Assert.Equal("ip", Key(service, "metadata.annotations", "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"));
        Assert.Equal(["10.0.0.0/16", "10.1.0.0/16"], rows.Where(r => r.Needed && r.Allowed && r.Connection is { To: "web", Port: "http", From: FromCidr })
            .Select(r => ((FromCidr)r.Connection.From).Cidr).Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => !r.Needed && !r.Allowed && r.Connection is { To: "web", From: FromCidr });
    }

    [Fact]
    public async Task The_traefik_example_admits_traefik_s_pods_and_names_its_class()
    {
        var (run, rows) = await RenderAsync("Pulumi.traefik.yaml");
        var ingress = run.Object("Ingress", "superset");
        Assert.Equal("traefik", ingress.At("spec.ingressClassName"));
        Assert.Equal("websecure", Key(ingress, "metadata.annotations", "traefik.ingress.kubernetes.io/router.entrypoints"));
        Assert.Contains(rows, r => r.Needed && r.Allowed && r.Connection is { To: "web", Port: "http", From: InNamespace { Namespace: "traefik", PodLabels: not null } });
        Assert.DoesNotContain(rows, r => r.Allowed && r.Connection.From is InNamespace { Namespace: "ingress-nginx" });
    }

    /// <summary>
    /// The Ingress annotations the AWS Load Balancer Controller reads, from its table in
    /// kubernetes-sigs/aws-load-balancer-controller docs/guide/ingress/annotations.md (the version read:
    /// commit 00175c1e2943de94d08ee39fa33b112706573b26), with the values its "Type" column allows.
    /// </summary>
    private static readonly string[] AlbAnnotations =
    [
        "load-balancer-name", "group.name", "group.order", "tags", "ip-address-type", "scheme", "subnets", "security-groups",
        "customer-owned-ipv4-pool", "load-balancer-attributes", "wafv2-acl-arn", "waf-acl-id", "shield-advanced-protection",
        "listen-ports", "ssl-redirect", "inbound-cidrs", "certificate-arn", "ssl-policy", "target-type", "backend-protocol",
        "backend-protocol-version", "target-group-attributes", "healthcheck-port", "healthcheck-protocol", "healthcheck-path",
        "healthcheck-interval-seconds", "healthcheck-timeout-seconds", "healthy-threshold-count", "unhealthy-threshold-count",
        "success-codes", "auth-type", "auth-idp-cognito", "auth-idp-oidc", "auth-on-unauthenticated-request", "auth-scope",
        "auth-session-cookie", "auth-session-timeout", "target-node-labels",
    ];

    [Fact]
    public async Task The_alb_ingress_carries_only_annotations_the_controller_reads_with_values_of_their_type()
    {
        var ingress = (await RenderAsync("Pulumi.eks-alb.yaml")).Run.Object("Ingress", "superset");
        var annotations = ingress.Map("metadata.annotations").Where(a => a.Key.StartsWith("alb.ingress.kubernetes.io/", StringComparison.Ordinal))
            .ToDictionary(a => a.Key["alb.ingress.kubernetes.io/".Length..], a => (string)a.Value!, StringComparer.Ordinal);
        Assert.All(annotations.Keys, k => Assert.Contains(k, AlbAnnotations));
        Assert.Contains(annotations["target-type"], new[] { "instance", "ip" });
        Assert.Matches("^[0-9]+$", annotations["ssl-redirect"]);
        Assert.Matches("^(idle_timeout\\.timeout_seconds=[0-9]+)$", annotations["load-balancer-attributes"]);
        Assert.Equal([80L, 443L], System.Text.Json.JsonDocument.Parse(annotations["listen-ports"]).RootElement.EnumerateArray().Select(p => (long)p.EnumerateObject().Single().Value.GetInt32()));
        Assert.Equal("alb", ingress.At("spec.ingressClassName"));
    }

    /// <summary>
    /// The working-hours example: each pool that declares hours gets KEDA's cron trigger with the fields
    /// KEDA reads (kedacore/keda pkg/scalers/cron_scaler.go@v2.20.2, cronMetadata: timezone, start, end,
    /// desiredReplicas; start and end five-field cron expressions, minute hour day month weekday), the
    /// floor rising five minutes before start, and the formula keeping at least that floor; the other
    /// pools have none. CI validates the same rendered objects against @kubernetes-models/keda (tests/run).
    /// </summary>
    [Fact]
    public async Task The_working_hours_example_gives_its_pools_a_cron_trigger_from_before_their_hours()
    {
        var (run, _) = await RenderAsync("Pulumi.working-hours.yaml");
        static IReadOnlyList<Manifest> Cron(Manifest so) => so.Items("spec.triggers").Where(t => (string?)t.At("type") == "cron").ToList();

        var @default = run.Object("ScaledObject", "superset-worker-default");
        var cron = Assert.Single(Cron(@default));
        Assert.Equal("prewarm", cron.At("name"));
        Assert.Equal(
            new Dictionary<string, object?> { ["timezone"] = "Europe/Paris", ["start"] = "55 6 * * mon-fri", ["end"] = "0 19 * * mon-fri", ["desiredReplicas"] = "6" },
            cron.Map("metadata"));
        // medium default keeps 5 waiting-or-running tasks a pod: the floor is 6 × 5 of the composite metric.
        Assert.Equal("5", @default.At("spec.advanced.scalingModifiers.target"));
        Assert.EndsWith("> prewarm * 5 ? (priority0 + priority3 + priority6 + priority9 + running) : prewarm * 5", (string)@default.At("spec.advanced.scalingModifiers.formula")!, StringComparison.Ordinal);

        // cache sleeps at zero outside the hours (days default to mon-fri); the floor of one wakes it.
        var cache = run.Object("ScaledObject", "superset-worker-cache");
        Assert.Equal(0L, cache.Number("spec.minReplicaCount"));
        Assert.Equal(
            new Dictionary<string, object?> { ["timezone"] = "Europe/Paris", ["start"] = "55 7 * * mon-fri", ["end"] = "0 18 * * mon-fri", ["desiredReplicas"] = "1" },
            Assert.Single(Cron(cache)).Map("metadata"));

        Assert.All(new[] { "exports", "reports" }, pool => Assert.Empty(Cron(run.Object("ScaledObject", $"superset-worker-{pool}"))));
        Assert.DoesNotContain("prewarm", (string)run.Object("ScaledObject", "superset-worker-exports").At("spec.advanced.scalingModifiers.formula")!, StringComparison.Ordinal);
    }
}
