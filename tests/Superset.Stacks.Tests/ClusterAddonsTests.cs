using System.Collections;
using Superset.Artifacts.Addons;
using Superset.Catalog;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Planning;
using Superset.Planning.Sizing;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// The cluster add-ons against their charts at the pinned versions. Each chart fact below was read
/// from the chart's source at the tag named beside it; a values key the program sets that is not
/// listed fails, so a misspelt key (which Helm silently ignores) or a chart upgrade without a fresh
/// reading cannot pass.
/// </summary>
public sealed class ClusterAddonsTests
{
    /// <summary>What a values key is: a scalar, a list, or a map whose keys are free (labels).</summary>
    private enum Shape
    {
        Scalar,
        List,
        Map,
    }

    /// <summary>The values keys of each chart version that this program may set, with where each was read.</summary>
    private static readonly Dictionary<(string Chart, string Version), Dictionary<string, (Shape Shape, string Source)>> ChartKeys = new()
    {
        [("ingress-nginx", "4.11.3")] = new()
        {
            // kubernetes/ingress-nginx charts/ingress-nginx/values.yaml@helm-chart-4.11.3
            ["controller.ingressClassResource.name"] = (Shape.Scalar, "values.yaml:121, default nginx"),
            ["controller.metrics.enabled"] = (Shape.Scalar, "values.yaml:854, default false"),
            ["controller.metrics.serviceMonitor.enabled"] = (Shape.Scalar, "values.yaml:874, default false"),
            ["controller.metrics.serviceMonitor.additionalLabels"] = (Shape.Map, "values.yaml:875, default {}"),
            ["controller.service.type"] = (Shape.Scalar, "values.yaml:480, default LoadBalancer"),
        },
        [("kube-prometheus-stack", "65.2.0")] = new()
        {
            // prometheus-community/helm-charts charts/kube-prometheus-stack/values.yaml@kube-prometheus-stack-65.2.0
            ["kubeControllerManager.enabled"] = (Shape.Scalar, "values.yaml:1469, default true"),
            ["kubeEtcd.enabled"] = (Shape.Scalar, "values.yaml:1744, default true"),
            ["kubeScheduler.enabled"] = (Shape.Scalar, "values.yaml:1849, default true"),
            ["kubeProxy.enabled"] = (Shape.Scalar, "values.yaml:1951, default true"),
        },
        [("prometheus-adapter", "4.8.2")] = new()
        {
            // prometheus-community/helm-charts charts/prometheus-adapter/values.yaml@prometheus-adapter-4.8.2
            ["prometheus.url"] = (Shape.Scalar, "values.yaml:35, templated, joined with ':' port by templates/deployment.yaml:67"),
            ["prometheus.port"] = (Shape.Scalar, "values.yaml:36, default 9090"),
            ["rules.default"] = (Shape.Scalar, "values.yaml:125, default true"),
            ["rules.external"] = (Shape.List, "values.yaml:140, default []"),
        },
        [("keda", "2.20.2")] = new()
        {
            // kedacore/charts keda/values.yaml@v2.20.2
            ["prometheus.operator.enabled"] = (Shape.Scalar, "values.yaml:736, default false"),
            ["prometheus.operator.serviceMonitor.enabled"] = (Shape.Scalar, "values.yaml:743, default false"),
            ["prometheus.operator.serviceMonitor.additionalLabels"] = (Shape.Map, "values.yaml:766, default {}"),
        },
        [("metrics-server", "3.12.2")] = new()
        {
            // kubernetes-sigs/metrics-server charts/metrics-server/values.yaml@metrics-server-helm-chart-3.12.2
            ["args"] = (Shape.List, "values.yaml:100, default [] (appended after defaultArgs by templates/deployment.yaml)"),
        },
    };

    private static StackPlan Settings(string yaml)
    {
        if (yaml.Contains("dataServices: aws", StringComparison.Ordinal))
        {
            yaml += PlannerTests.AwsNetwork;
        }

        return Planner.Plan(SettingsLoader.Load(StackFile.Parse(yaml, "t.yaml")), "t.yaml");
    }

    private const string AllAddons = "  superset:ingress:\n    installController: true\n  superset:monitoring:\n    installStack: true\n  superset:autoscaling:\n    installKeda: true\n";

    /// <summary>Engine hpa: prometheus-adapter serves the External metric, and KEDA is not installed.</summary>
    private const string AdapterAddons = "  superset:ingress:\n    installController: true\n  superset:monitoring:\n    installStack: true\n  superset:autoscaling:\n    engine: hpa\n";

    public static TheoryData<string> EveryKind => new()
    {
        "config:\n" + AllAddons,
        "config:\n" + AdapterAddons,
        "config:\n  superset:dataServices: aws\n" + AllAddons,
        "config:\n  superset:cluster:\n    kind: selfManaged\n" + AllAddons,
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_values_key_set_exists_in_its_chart_at_the_pinned_version(string yaml)
    {
        var addons = ClusterAddons.For(Settings(yaml));
        Assert.Equal(4, addons.Count);
        foreach (var addon in addons)
        {
            Assert.True(ChartKeys.TryGetValue((addon.Chart.Chart, addon.Chart.Version), out var keys),
                $"{addon.Chart.Chart} {addon.Chart.Version}: no reading of this chart version; read its values.yaml at the tag and list the keys set here");
            foreach (var path in Paths((IDictionary)addon.Values, keys!, ""))
            {
                Assert.True(keys!.ContainsKey(path), $"{addon.Chart.Chart} {addon.Chart.Version} has no values key {path}");
            }
        }
    }

    /// <summary>Leaf paths of a values tree, stopping at keys the chart declares as lists or free maps.</summary>
    private static IEnumerable<string> Paths(IDictionary values, Dictionary<string, (Shape Shape, string Source)> keys, string prefix)
    {
        foreach (DictionaryEntry entry in values)
        {
            var path = prefix + (string)entry.Key;
            if (keys.TryGetValue(path, out var fact))
            {
                Assert.True(fact.Shape switch
                {
                    Shape.List => entry.Value is IList,
                    Shape.Map => entry.Value is IDictionary,
                    _ => entry.Value is string or int or bool,
                }, $"{path}: a {entry.Value?.GetType().Name} where the chart has a {fact.Shape} ({fact.Source})");
                yield return path;
            }
            else if (entry.Value is IDictionary child)
            {
                foreach (var inner in Paths(child, keys, path + "."))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    [Theory]
    // templates/_helpers.tpl@kube-prometheus-stack-65.2.0, "kube-prometheus-stack.fullname", worked by hand:
    [InlineData("kube-prometheus-stack", "kube-prometheus-stack-prometheus")] // contains the chart name: the release name
    [InlineData("prom", "prom-kube-prometheus-stack-prometheus")] // "prom-kube-prometheus-stack" is exactly 26
    [InlineData("monitoring", "monitoring-kube-prometheus-prometheus")] // cut to 26: "monitoring-kube-prometheus"
    [InlineData("my-kube-prometheus-stack-01", "my-kube-prometheus-stack-0-prometheus")] // contains it, cut to 26
    [InlineData("abcdefghi", "abcdefghi-kube-prometheus-prometheus")] // cut to "abcdefghi-kube-prometheus-", '-' trimmed
    [InlineData("observability", "observability-kube-prometh-prometheus")] // cut mid-word, nothing to trim
    [InlineData("a1234567890123456789", "a1234567890123456789-kube-prometheus")] // cut to "...-kube-", '-' trimmed
    public void The_adapter_reads_the_prometheus_service_the_chart_names_after_its_release(string release, string service)
    {
        var settings = Settings($"config:\n  superset:monitoring:\n    installStack: true\n    releaseLabel: {release}\n    namespace: metrics\n  superset:autoscaling:\n    engine: hpa\n");
        var adapter = ClusterAddons.For(settings).Single(a => a.Key == ClusterAddons.PrometheusAdapter);
        var prometheus = (IDictionary<string, object>)adapter.Values["prometheus"];

        Assert.Equal($"http://{service}.metrics.svc", prometheus["url"]);
        Assert.Equal(9090, prometheus["port"]); // prometheus.service.port, values.yaml@kube-prometheus-stack-65.2.0
        Assert.Equal(release, ClusterAddons.For(settings).Single(a => a.Key == ClusterAddons.KubePrometheusStack).ReleaseName);
    }

    [Fact]
    public void The_controller_servicemonitor_is_on_with_the_label_prometheus_selects()
    {
        // templates/prometheus/prometheus.yaml@kube-prometheus-stack-65.2.0: serviceMonitorSelector
        // matchLabels release: {{ $.Release.Name }} (serviceMonitorSelectorNilUsesHelmValues: true).
        var settings = Settings("config:\n" + AllAddons.Replace("installStack: true", "installStack: true\n    releaseLabel: prom", StringComparison.Ordinal));
        var addons = ClusterAddons.For(settings);
        var metrics = Values(addons.Single(a => a.Key == ClusterAddons.IngressNginx), "controller", "metrics");

        Assert.Equal(true, metrics["enabled"]);
        var monitor = (IDictionary<string, object>)metrics["serviceMonitor"];
        Assert.Equal(true, monitor["enabled"]);
        Assert.Equal(addons.Single(a => a.Key == ClusterAddons.KubePrometheusStack).ReleaseName, ((IDictionary<string, object>)monitor["additionalLabels"])["release"]);
        // Its ServiceMonitor kind comes with kube-prometheus-stack's CRDs.
        Assert.Equal([ClusterAddons.KubePrometheusStack], addons.Single(a => a.Key == ClusterAddons.IngressNginx).DependsOn);
    }

    [Fact]
    public void Without_monitoring_the_controller_declares_no_servicemonitor()
    {
        var settings = Settings("config:\n  superset:ingress:\n    installController: true\n  superset:monitoring:\n    enabled: false\n");
        var ingress = ClusterAddons.For(settings).Single();

        Assert.False(Values(ingress, "controller", "metrics").ContainsKey("serviceMonitor"));
        Assert.Empty(ingress.DependsOn);
    }

    [Theory]
    [InlineData("config:\n", "NodePort")] // in-cluster data: a local cluster
    [InlineData("config:\n  superset:dataServices: aws\n", null)] // EKS: the chart's LoadBalancer
    [InlineData("config:\n  superset:cluster:\n    kind: local\n  superset:dataServices: aws\n", "NodePort")]
    public void A_local_cluster_gets_an_ingress_service_that_needs_no_load_balancer(string yaml, string? type)
    {
        var ingress = ClusterAddons.For(Settings(yaml + "  superset:ingress:\n    installController: true\n")).Single(a => a.Key == ClusterAddons.IngressNginx);
        var controller = Values(ingress, "controller");
        Assert.Equal(type, controller.TryGetValue("service", out var service) ? ((IDictionary<string, object>)service)["type"] : null);
    }

    [Theory]
    [InlineData("config:\n", true)]
    [InlineData("config:\n  superset:dataServices: aws\n", true)]
    [InlineData("config:\n  superset:cluster:\n    kind: selfManaged\n", false)]
    public void Control_plane_scrapes_the_cluster_cannot_serve_are_off(string yaml, bool off)
    {
        var stack = ClusterAddons.For(Settings(yaml + "  superset:monitoring:\n    installStack: true\n")).Single(a => a.Key == ClusterAddons.KubePrometheusStack);
        foreach (var component in new[] { "kubeControllerManager", "kubeScheduler", "kubeEtcd", "kubeProxy" })
        {
            Assert.Equal(off, stack.Values.ContainsKey(component) && Equals(Values(stack, component)["enabled"], false));
        }
    }

    [Theory]
    [InlineData("config:\n  superset:monitoring:\n    installStack: true\n", true, true)]
    [InlineData("config:\n  superset:dataServices: aws\n  superset:monitoring:\n    installStack: true\n", true, false)]
    [InlineData("config:\n  superset:monitoring:\n    installStack: true\n    installMetricsServer: false\n", false, false)]
    [InlineData("config:\n  superset:monitoring:\n    installMetricsServer: true\n", true, true)]
    [InlineData("config:\n", false, false)]
    public void Resource_metrics_are_served_when_the_stack_installs_monitoring(string yaml, bool installed, bool insecureKubelet)
    {
        var server = ClusterAddons.For(Settings(yaml)).SingleOrDefault(a => a.Key == ClusterAddons.MetricsServer);
        Assert.Equal(installed, server is not null);
        if (server is not null)
        {
            Assert.Equal("kube-system", server.Namespace);
            Assert.Equal(insecureKubelet, server.Values.TryGetValue("args", out var args) && ((IList<object>)args).Contains("--kubelet-insecure-tls"));
        }
    }

    [Fact]
    public void Add_ons_come_after_the_ones_they_depend_on()
    {
        foreach (var yaml in new[] { AllAddons, AdapterAddons })
        {
            var addons = ClusterAddons.For(Settings("config:\n" + yaml));
            for (var i = 0; i < addons.Count; i++)
            {
                Assert.All(addons[i].DependsOn, d => Assert.Contains(d, addons.Take(i).Select(a => a.Key)));
            }
        }

        Assert.Equal([ClusterAddons.KubePrometheusStack], ClusterAddons.For(Settings("config:\n" + AdapterAddons)).Single(a => a.Key == ClusterAddons.PrometheusAdapter).DependsOn);
        // KEDA's ServiceMonitor needs kube-prometheus-stack's CRDs.
        Assert.Equal([ClusterAddons.KubePrometheusStack], ClusterAddons.For(Settings("config:\n" + AllAddons)).Single(a => a.Key == ClusterAddons.Keda).DependsOn);
    }

    [Theory]
    [InlineData("kube-prometheus-stack-with-a-name-longer-than-fifty-34", "at most 53")] // 54 characters
    [InlineData("Kube-Prometheus", "lowercase")]
    [InlineData("kube_prometheus", "lowercase")]
    public void A_release_label_helm_would_refuse_is_a_clear_error(string label, string hint)
    {
        var error = Assert.Throws<SettingsException>(() => Settings($"config:\n  superset:monitoring:\n    releaseLabel: {label}\n"));
        Assert.Contains($"superset:monitoring.releaseLabel = {label}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_53_character_release_label_is_accepted()
    {
        var label = new string('a', 53);
        Assert.Equal(label, Settings($"config:\n  superset:monitoring:\n    releaseLabel: {label}\n").Monitoring.ReleaseLabel);
    }

    [Fact]
    public void An_unknown_cluster_kind_names_the_key_and_the_kinds()
    {
        var error = Assert.Throws<SettingsException>(() => Settings("config:\n  superset:cluster:\n    kind: gke\n"));
        Assert.Contains("superset:cluster.kind = gke:", error.Message, StringComparison.Ordinal);
        Assert.Contains("local", error.Message, StringComparison.Ordinal);
        Assert.Contains("selfManaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pins_are_the_versions_these_facts_were_read_at()
    {
        Assert.Equal(
            ChartKeys.Keys.Order(),
            new[] { Charts.IngressNginx, Charts.KubePrometheusStack, Charts.PrometheusAdapter, Charts.MetricsServer, Charts.Keda }.Select(c => (c.Chart, c.Version)).Order());
    }

    [Fact]
    public void With_keda_the_adapter_is_not_installed_and_keda_brings_its_servicemonitor()
    {
        // Both serve v1beta1.external.metrics.k8s.io (kedacore/charts keda/templates/metrics-server/apiservice.yaml@v2.20.2).
        var addons = ClusterAddons.For(Settings("config:\n" + AllAddons));
        Assert.DoesNotContain(addons, a => a.Key == ClusterAddons.PrometheusAdapter);
        var keda = addons.Single(a => a.Key == ClusterAddons.Keda);
        Assert.Equal(("keda", "keda"), (keda.Namespace, keda.ReleaseName));
        var monitor = Values(keda, "prometheus", "operator", "serviceMonitor");
        Assert.Equal(true, monitor["enabled"]);
        Assert.Equal("kube-prometheus-stack", ((IDictionary<string, object>)monitor["additionalLabels"])["release"]);

        var elsewhere = ClusterAddons.For(Settings("config:\n  superset:autoscaling:\n    installKeda: true\n    kedaNamespace: autoscaling\n  superset:monitoring:\n    enabled: false\n"));
        Assert.Equal("autoscaling", Assert.Single(elsewhere).Namespace);
        Assert.Empty(Assert.Single(elsewhere).Values);
    }

    [Fact]
    public void Keda_beside_the_adapter_is_refused()
    {
        var error = Assert.Throws<SettingsException>(() => Settings("config:\n" + AdapterAddons + "    installKeda: true\n"));
        Assert.Contains("superset:autoscaling.installKeda", error.Message, StringComparison.Ordinal);
        Assert.Contains("external.metrics.k8s.io", error.Message, StringComparison.Ordinal);
    }

    private static IDictionary<string, object> Values(AddonRelease addon, params string[] path) =>
        path.Aggregate((IDictionary<string, object>)(IDictionary<string, object>)addon.Values, (map, key) => (IDictionary<string, object>)map[key]);
}
