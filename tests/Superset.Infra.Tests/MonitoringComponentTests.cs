using Superset.Analysis.Render;
using Superset.Artifacts.Addons;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Configuration.Tiers;
using Superset.Planning;
using Superset.Planning.Sizing;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>Autoscalers, exporters, ServiceMonitors and PrometheusRules, as the dev stack declares them.</summary>
[Collection("pulumi")]
public sealed class MonitoringComponentTests
{
    private static readonly StackPlan Dev = Harness.PlanOf("dev");

    /// <summary>Engine hpa: hand-made HPAs on prometheus-adapter's External metric (the tier's pools at zero start at one).</summary>
    private const string HpaEngine = "config:\n  superset:autoscaling:\n    engine: hpa\n";

    private static readonly StackPlan HpaPlan = Planner.Plan(
        SettingsLoader.Load(StackFile.Parse(HpaEngine, "t.yaml")), "t.yaml");

    [Fact]
    public async Task Every_pool_scales_on_its_own_queue_depth_and_cpu_within_the_plan_bounds()
    {
        var run = await Harness.YamlAsync(HpaEngine + "  superset:queues:\n    default:\n      cpuTargetPercent: 70\n");
        Assert.Empty(run.All("ScaledObject"));
        foreach (var pool in HpaPlan.Queues)
        {
            var hpa = run.Object("HorizontalPodAutoscaler", $"superset-worker-{pool.Name}");
            Assert.Equal("autoscaling/v2", hpa.At("apiVersion"));
            Assert.Equal($"superset-worker-{pool.Name}", hpa.At("spec.scaleTargetRef.name"));
            Assert.Equal(pool.Replicas.Min, hpa.Number("spec.minReplicas"));
            Assert.Equal(pool.Replicas.Max, hpa.Number("spec.maxReplicas"));

            var metrics = hpa.Items("spec.metrics");
            var external = metrics.Single(m => (string?)m.At("type") == "External");
            Assert.Equal("celery_queue_length", external.At("external.metric.name"));
            Assert.Equal(pool.Name, external.At("external.metric.selector.matchLabels.queue_name"));
            Assert.Equal("AverageValue", external.At("external.target.type"));
            Assert.Equal(pool.Autoscaler.ScaleUpThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture), external.At("external.target.averageValue"));
            // CPU only where the pool reads it (the tier's shapes set 0: the queue alone).
            var cpu = metrics.SingleOrDefault(m => (string?)m.At("type") == "Resource");
            Assert.Equal(pool.Name == "default", cpu is not null);
        }
    }

    [Fact]
    public async Task A_pools_cpu_target_is_a_stack_setting_of_its_own()
    {
        var run = await Harness.YamlAsync(HpaEngine + "  superset:queues:\n    reports:\n      cpuTargetPercent: 85\n");
        long Cpu(string pool) => run.Object("HorizontalPodAutoscaler", $"superset-worker-{pool}").Items("spec.metrics")
            .Single(m => (string?)m.At("type") == "Resource").Number("resource.target.averageUtilization");

        Assert.Equal(85L, Cpu("reports"));
        Assert.DoesNotContain(run.Object("HorizontalPodAutoscaler", "superset-worker-default").Items("spec.metrics"), m => (string?)m.At("type") == "Resource");
    }

    [Fact]
    public async Task Pools_scale_up_in_bounded_steps_and_down_after_their_own_window()
    {
        var hpa = (await Harness.YamlAsync(HpaEngine + "  superset:queues:\n    default:\n      scaleDownWindowSeconds: 600\n      scaleDownPodsPerMinute: 3\n")).Object("HorizontalPodAutoscaler", "superset-worker-default");

        // The small tier's default reads the lowest recommendation of its scale-up window (docs/autoscaling.md, "The tier shapes").
        Assert.Equal((long)TierCatalog.Get(TierName.Small).Queues.Single(q => q.Name == "default").Autoscaler.ScaleUpWindowSeconds, hpa.Number("spec.behavior.scaleUp.stabilizationWindowSeconds"));
        Assert.Equal(AutoscalerPolicy.ScaleUpPods, hpa.Number("spec.behavior.scaleUp.policies.0.value"));
        Assert.Equal("Pods", hpa.At("spec.behavior.scaleUp.policies.0.type"));
        Assert.Equal(600L, hpa.Number("spec.behavior.scaleDown.stabilizationWindowSeconds"));
        Assert.Equal(3L, hpa.Number("spec.behavior.scaleDown.policies.0.value"));
        Assert.InRange(AutoscalerPolicy.ScaleUpPods, 2, 5); // docs/sources/autoscaling.md, lesson 1: ±2–5 workers
    }

    [Fact]
    public async Task A_pools_scale_up_window_reaches_its_hpa_and_the_hpa_keda_creates()
    {
        const string window = "  superset:queues:\n    exports:\n      scaleUpWindowSeconds: 45\n";
        var hpa = (await Harness.YamlAsync(HpaEngine + window)).Object("HorizontalPodAutoscaler", "superset-worker-exports");
        Assert.Equal(45L, hpa.Number("spec.behavior.scaleUp.stabilizationWindowSeconds"));

        var keda = await Harness.YamlAsync("config:\n  superset:tier: small\n" + window);
        Assert.Equal(45L, keda.Object("ScaledObject", "superset-worker-exports").Number("spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.stabilizationWindowSeconds"));
        // Only the pool that set it.
        Assert.Equal((long)TierCatalog.Get(TierName.Small).Queues.Single(q => q.Name == "reports").Autoscaler.ScaleUpWindowSeconds,
            keda.Object("ScaledObject", "superset-worker-reports").Number("spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.stabilizationWindowSeconds"));
    }

    [Fact]
    public async Task With_keda_each_pool_has_one_authenticated_scaled_object_and_no_hand_made_hpa()
    {
        var run = await Harness.StackAsync("dev");
        Assert.Equal(["superset-web"], run.All("HorizontalPodAutoscaler").Select(h => h.Name));
        var auth = run.Object("TriggerAuthentication", "superset-broker");
        Assert.Equal("password", auth.At("spec.secretTargetRef.0.parameter"));
        Assert.Equal("redis-broker-password", auth.At("spec.secretTargetRef.0.key"));
        foreach (var pool in Dev.Queues)
        {
            var so = run.Object("ScaledObject", $"superset-worker-{pool.Name}");
            Assert.Equal("keda.sh/v1alpha1", so.At("apiVersion"));
            Assert.Equal($"superset-worker-{pool.Name}", so.At("spec.scaleTargetRef.name"));
            Assert.Equal(pool.Replicas.Min, so.Number("spec.minReplicaCount"));
            Assert.Equal(pool.Replicas.Max, so.Number("spec.maxReplicaCount"));
            Assert.Equal(pool.FallbackReplicas, so.Number("spec.fallback.replicas"));
            Assert.Equal($"superset-worker-{pool.Name}", so.At("spec.advanced.horizontalPodAutoscalerConfig.name"));
            Assert.Equal((long)pool.Autoscaler.ScaleDown.WindowSeconds, so.Number("spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds"));
            Assert.Equal("true", so.Map("metadata.annotations")["scaledobject.keda.sh/transfer-hpa-ownership"]);
            var redis = so.Items("spec.triggers").Where(t => (string?)t.At("type") == "redis").ToList();
            Assert.Equal([pool.Name, pool.Name + "\u0006\u00163", pool.Name + "\u0006\u00166", pool.Name + "\u0006\u00169"], redis.Select(t => (string)t.At("metadata.listName")!));
            Assert.All(redis, t => Assert.Equal("superset-broker", t.At("authenticationRef.name")));
            Assert.All(redis, t => Assert.Equal("false", t.At("metadata.enableTLS")));
            Assert.All(redis, t => Assert.StartsWith("superset-redis-broker", (string)t.At("metadata.address")!, StringComparison.Ordinal));
        }

    }

    [Fact]
    public async Task The_web_tier_scales_on_cpu_alone_within_its_own_bounds()
    {
        var hpa = (await Harness.StackAsync("dev")).Object("HorizontalPodAutoscaler", "superset-web");

        Assert.Equal(Dev.Web.Autoscaler.Replicas.Min, hpa.Number("spec.minReplicas"));
        Assert.Equal(Dev.Web.Autoscaler.Replicas.Max, hpa.Number("spec.maxReplicas"));
        Assert.Equal("cpu", Assert.Single(hpa.Items("spec.metrics")).At("resource.name"));
    }

    [Fact]
    public async Task Without_monitoring_pools_scale_on_cpu_and_no_operator_object_is_declared()
    {
        var run = await Harness.YamlAsync("config:\n  superset:monitoring:\n    enabled: false\n");

        Assert.All(run.All("HorizontalPodAutoscaler"), hpa => Assert.Single(hpa.List("spec.metrics")));
        Assert.DoesNotContain(run.Manifests, m => m.Kind is "ServiceMonitor" or "PrometheusRule");
        Assert.DoesNotContain(run.All("Deployment"), d => d.Name.Contains("exporter", StringComparison.Ordinal));
        Assert.DoesNotContain(run.All("NetworkPolicy"), p => p.Name.Contains("exporter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_celery_exporter_watches_every_pool_queue_and_reads_the_password_from_the_secret()
    {
        var run = await Harness.StackAsync("dev");
        var exporter = run.Object("Deployment", "superset-celery-exporter");
        var container = exporter.Pod.Container("exporter");

        Assert.Equal(1L, exporter.Number("spec.replicas"));
        Assert.Contains($"--queues={string.Join(',', Dev.Queues.Select(q => q.Name))}", container.Strings("args"));
        // Unseen tasks are labelled with Superset's task_default_queue, not Celery's "celery".
        Assert.Contains("--default-queue-name=default", container.Strings("args"));
        var env = container.Named("env");
        Assert.Equal("redis-broker-password", env["BROKER_PASSWORD"].At("valueFrom.secretKeyRef.key"));
        Assert.StartsWith("redis://:$(BROKER_PASSWORD)@superset-redis-broker.", (string)env["CE_BROKER_URL"].At("value")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_metrics_service_has_a_service_monitor_selected_by_the_release_label()
    {
        var run = await Harness.StackAsync("dev");
        var services = run.All("Service").Where(s => s.Named("spec.ports").ContainsKey("metrics")).ToList();
        Assert.Equal(4, services.Count); // celery-exporter, postgres-exporter, broker and cache Redis

        foreach (var service in services)
        {
            var monitor = run.Object("ServiceMonitor", service.Name);
            Assert.Equal("kube-prometheus-stack", monitor.Map("metadata.labels")["release"]);
            Assert.All(monitor.Map("spec.selector.matchLabels"), kv => Assert.Equal(kv.Value, service.Map("metadata.labels")[kv.Key]));
            Assert.Equal("metrics", monitor.At("spec.endpoints.0.port"));
        }
    }

    [Fact]
    public async Task Each_alert_concern_is_a_prometheus_rule_with_its_groups()
    {
        var run = await Harness.StackAsync("dev");
        var rules = run.All("PrometheusRule").ToList();

        Assert.Equal(["superset-autoscaling", "superset-celery", "superset-database", "superset-redis", "superset-web"], rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        var celery = rules.Single(r => r.Name == "superset-celery");
        var alerts = celery.Items("spec.groups.0.rules").Select(r => (string)r.At("alert")!).ToList();
        Assert.Equal(Dev.Queues.Count, alerts.Count(a => a == "SupersetQueueBacklog"));
    }

    [Fact]
    public async Task The_adapter_rules_the_hpas_need_are_a_stack_output_with_the_hpa_engine_only()
    {
        var run = await Harness.YamlAsync("config:\n  superset:autoscaling:\n    engine: hpa\n");
        var rules = Assert.IsType<string>(run.Outputs["prometheusAdapterRules"]);
        Assert.Contains("celery_queue_length", rules, StringComparison.Ordinal);
        Assert.Contains("namespace:", rules, StringComparison.Ordinal);

        // KEDA reads the broker itself: no adapter rules to merge anywhere.
        Assert.False((await Harness.StackAsync("dev")).Outputs.ContainsKey("prometheusAdapterRules"));
    }

    [Fact]
    public async Task Installing_the_monitoring_stack_gives_the_adapter_the_queue_rules()
    {
        var run = await Harness.YamlAsync(HpaEngine + "  superset:monitoring:\n    installStack: true\n");
        var releases = run.Recorded.Where(r => r.Type == "kubernetes:helm.sh/v3:Release")
            .Select(Manifest.Of).ToList();

        Assert.Equal(["kube-prometheus-stack", "metrics-server", "prometheus-adapter"], releases.Select(r => (string)r.At("chart")!).Order(StringComparer.Ordinal));
        var adapter = releases.Single(r => (string?)r.At("chart") == "prometheus-adapter");
        Assert.Equal("celery_queue_length", adapter.At("values.rules.external.0.name.as"));
        // The Service kube-prometheus-stack 65.2.0 declares for the release kube-prometheus-stack:
        // <fullname>-prometheus, the fullname being the release name, which contains the chart name.
        Assert.Equal("http://kube-prometheus-stack-prometheus.monitoring.svc", adapter.At("values.prometheus.url"));
        Assert.Equal(9090L, adapter.Number("values.prometheus.port"));
    }

    [Fact]
    public async Task Each_add_on_release_carries_the_values_the_plan_derived()
    {
        const string yaml = "config:\n  superset:monitoring:\n    installStack: true\n  superset:ingress:\n    installController: true\n";
        var run = await Harness.YamlAsync(yaml);
        var releases = run.Recorded.Where(r => r.Type == "kubernetes:helm.sh/v3:Release").Select(Manifest.Of).ToDictionary(r => (string)r.At("chart")!);
        var expected = ClusterAddons.For(Planner.Plan(SettingsLoader.Load(StackFile.Parse(yaml, "t.yaml")), "t.yaml"));

        Assert.Equal(expected.Select(a => a.Chart.Chart).Order(StringComparer.Ordinal), releases.Keys.Order(StringComparer.Ordinal));
        foreach (var addon in expected)
        {
            var release = releases[addon.Chart.Chart];
            Assert.Equal((addon.ReleaseName, addon.Namespace, addon.Chart.Version, addon.Chart.Repository),
                ((string)release.At("name")!, (string)release.At("namespace")!, (string)release.At("version")!, (string)release.At("repositoryOpts.repo")!));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(ManifestWriter.ToPlain(addon.Values)),
                System.Text.Json.JsonSerializer.Serialize(release.At("values") ?? new Dictionary<string, object?>()));
        }

        // On a local cluster (the dev default) the controller needs no load balancer.
        Assert.Equal("NodePort", releases["ingress-nginx"].At("values.controller.service.type"));
    }

    [Fact]
    public async Task On_eks_the_stack_scrapes_no_control_plane_and_keeps_the_load_balancer()
    {
        var yaml = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.prod.yaml"))
            + "  superset:monitoring:\n    installStack: true\n    installMetricsServer: true\n";
        yaml = yaml.Replace("    tlsSecretName: superset-tls\n", "    tlsSecretName: superset-tls\n    installController: true\n", StringComparison.Ordinal);
        var releases = (await Harness.YamlAsync(yaml, "prod")).Recorded.Where(r => r.Type == "kubernetes:helm.sh/v3:Release")
            .Select(Manifest.Of).ToDictionary(r => (string)r.At("chart")!);

        foreach (var component in new[] { "kubeControllerManager", "kubeScheduler", "kubeEtcd", "kubeProxy" })
        {
            Assert.Equal(false, releases["kube-prometheus-stack"].At($"values.{component}.enabled"));
        }

        Assert.Null(releases["ingress-nginx"].At("values.controller.service"));
        Assert.Equal(true, releases["ingress-nginx"].At("values.controller.metrics.serviceMonitor.enabled"));
        Assert.Equal("kube-system", releases["metrics-server"].At("namespace"));
        Assert.Null(releases["metrics-server"].At("values.args")); // EKS kubelets' certificates verify
    }

    [Fact]
    public async Task Dashboards_are_config_maps_the_grafana_sidecar_picks_up_in_the_monitoring_namespace()
    {
        var run = await Harness.StackAsync("dev");
        var maps = run.All("ConfigMap").Where(m => m.Map("metadata.labels").ContainsKey("grafana_dashboard")).ToList();

        Assert.Equal(["superset-data-dev", "superset-web-dev", "superset-workers-dev"], maps.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(maps, m =>
        {
            Assert.Equal("monitoring", m.At("metadata.namespace"));
            Assert.Equal("1", m.Map("metadata.labels")["grafana_dashboard"]);
            Assert.Contains("\"uid\": \"superset-", (string)m.Map("data").Values.Single()!, StringComparison.Ordinal);
        });
    }
}
