using Superset.Artifacts.Monitoring;
using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning;

namespace Superset.Artifacts.Addons;

/// <summary>
/// The cluster add-ons a stack installs (each only when its setting asks for it) and their chart
/// values, derived from the settings and the kind of cluster. Every values key set here is one the
/// chart has at its pinned version (Charts.cs); the tests hold each key against that chart's
/// values.yaml and each derived name against the chart's templates.
/// </summary>
public static class ClusterAddons
{
    /// <summary>Add-on keys, also their Pulumi resource names.</summary>
    public const string IngressNginx = "ingress-nginx";

    /// <summary>kube-prometheus-stack's key.</summary>
    public const string KubePrometheusStack = "kube-prometheus-stack";

    /// <summary>prometheus-adapter's key.</summary>
    public const string PrometheusAdapter = "prometheus-adapter";

    /// <summary>KEDA's key.</summary>
    public const string Keda = "keda";

    /// <summary>metrics-server's key.</summary>
    public const string MetricsServer = "metrics-server";

    /// <summary>The Prometheus Service port of kube-prometheus-stack (prometheus.service.port, values.yaml@kube-prometheus-stack-65.2.0).</summary>
    public const int PrometheusPort = 9090;

    /// <summary>Every add-on the settings ask for, each after the ones it depends on.</summary>
    public static IReadOnlyList<AddonRelease> For(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var monitoring = plan.Monitoring;
        var local = plan.Cluster == ClusterKind.Local;
        var addons = new List<AddonRelease>();

        if (monitoring.InstallStack)
        {
            addons.Add(new AddonRelease(KubePrometheusStack, Charts.KubePrometheusStack, monitoring.ReleaseLabel, monitoring.Namespace,
                KubePrometheusStackValues(plan.Cluster), []));
            // Only with engine hpa. KEDA's metrics server registers the APIService
            // v1beta1.external.metrics.k8s.io (kedacore/charts keda/templates/metrics-server/apiservice.yaml@v2.20.2,
            // with metricsServer.enabled, its default), and so does prometheus-adapter with external
            // rules (templates/external-metrics-apiservice.yaml of its chart): two releases cannot own
            // one APIService, and the one applied last would serve every External metric of the cluster.
            if (plan.Autoscaling.Engine == AutoscalingEngine.Hpa)
            {
                addons.Add(new AddonRelease(PrometheusAdapter, Charts.PrometheusAdapter, "prometheus-adapter", monitoring.Namespace, new Dictionary<string, object>
                {
                    ["prometheus"] = new Dictionary<string, object> { ["url"] = PrometheusUrl(monitoring), ["port"] = PrometheusPort },
                    // Only the External rules the pools' HPAs read; the chart's default custom rules
                    // would serve every series of the cluster to nobody.
                    ["rules"] = new Dictionary<string, object> { ["default"] = false, ["external"] = AdapterRules.External() },
                }, [KubePrometheusStack]));
            }
        }

        if (plan.Autoscaling.InstallKeda)
        {
            addons.Add(KedaRelease(plan));
        }

        if (monitoring.InstallMetricsServer)
        {
            // kind's and minikube's kubelets serve a self-signed certificate the cluster CA did not
            // sign; metrics-server refuses it unless told not to verify (kubernetes-sigs/metrics-server
            // README.md@metrics-server-helm-chart-3.12.2, "Requirements" and `--kubelet-insecure-tls`).
            // Elsewhere the chart's defaultArgs stand.
            var values = local
                ? new Dictionary<string, object> { ["args"] = new List<object> { "--kubelet-insecure-tls" } }
                : new Dictionary<string, object>();
            addons.Add(new AddonRelease(MetricsServer, Charts.MetricsServer, "metrics-server", Charts.MetricsServer.Namespace, values, []));
        }

        if (plan.Ingress.InstallController)
        {
            addons.Add(IngressNginxRelease(plan));
        }

        return addons;
    }

    /// <summary>ingress-nginx's release: the class the Ingress names, edge metrics for the web alerts, NodePort on a laptop.</summary>
    private static AddonRelease IngressNginxRelease(StackPlan plan)
    {
        var monitoring = plan.Monitoring;
        var local = plan.Cluster == ClusterKind.Local;
        var metrics = new Dictionary<string, object> { ["enabled"] = true };
        if (monitoring.Enabled)
        {
            // The chart declares its ServiceMonitor only with both metrics.enabled and
            // metrics.serviceMonitor.enabled (templates/controller-servicemonitor.yaml@helm-chart-4.11.3),
            // and kube-prometheus-stack's Prometheus selects only ServiceMonitors labelled with its
            // release (serviceMonitorSelectorNilUsesHelmValues, values.yaml@kube-prometheus-stack-65.2.0).
            metrics["serviceMonitor"] = new Dictionary<string, object>
            {
                ["enabled"] = true,
                ["additionalLabels"] = new Dictionary<string, object> { ["release"] = monitoring.ReleaseLabel },
            };
        }

        var controller = new Dictionary<string, object>
        {
            ["ingressClassResource"] = new Dictionary<string, object> { ["name"] = plan.Ingress.ClassName },
            // Request rate, 5xx ratio and latency at the edge: the web alerts and dashboard.
            ["metrics"] = metrics,
        };
        if (local)
        {
            // The chart's Service defaults to LoadBalancer (controller.service.type), for which a
            // laptop cluster never assigns an address: the atomic release would wait out its
            // timeout and roll back. NodePort serves on every node (and kubectl port-forward).
            controller["service"] = new Dictionary<string, object> { ["type"] = "NodePort" };
        }

        // The ServiceMonitor kind exists only once kube-prometheus-stack's CRDs are installed.
        return new AddonRelease(IngressNginx, Charts.IngressNginx, "ingress-nginx", plan.Ingress.ControllerNamespace,
            new Dictionary<string, object> { ["controller"] = controller },
            monitoring.Enabled && monitoring.InstallStack ? [KubePrometheusStack] : []);
    }

    /// <summary>
    /// KEDA's release: with monitoring on, the operator's metrics (the scaler and ScaledObject errors
    /// the KEDA alerts read) on a port of its Service and a ServiceMonitor labelled for the stack's
    /// Prometheus (templates/manager/servicemonitor.yaml@v2.20.2 needs both prometheus.operator.enabled
    /// and prometheus.operator.serviceMonitor.enabled), after kube-prometheus-stack's CRDs when the
    /// stack installs it.
    /// </summary>
    private static AddonRelease KedaRelease(StackPlan plan)
    {
        var monitoring = plan.Monitoring;
        var values = new Dictionary<string, object>();
        if (monitoring.Enabled)
        {
            values["prometheus"] = new Dictionary<string, object>
            {
                ["operator"] = new Dictionary<string, object>
                {
                    ["enabled"] = true,
                    ["serviceMonitor"] = new Dictionary<string, object>
                    {
                        ["enabled"] = true,
                        ["additionalLabels"] = new Dictionary<string, object> { ["release"] = monitoring.ReleaseLabel },
                    },
                },
            };
        }

        return new AddonRelease(Keda, Charts.Keda, "keda", plan.Autoscaling.KedaNamespace, values,
            monitoring.Enabled && monitoring.InstallStack ? [KubePrometheusStack] : []);
    }

    /// <summary>
    /// kube-prometheus-stack's fullname (templates/_helpers.tpl@kube-prometheus-stack-65.2.0,
    /// "kube-prometheus-stack.fullname", no fullnameOverride or nameOverride): the release name when
    /// it contains the chart name, else release-chart; either cut to 26 characters, then one trailing
    /// '-' trimmed (Go's strings.TrimSuffix, behind sprig's trimSuffix).
    /// </summary>
    public static string KubePrometheusStackFullname(string releaseName)
    {
        ArgumentNullException.ThrowIfNull(releaseName);
        const string chart = "kube-prometheus-stack";
        var name = releaseName.Contains(chart, StringComparison.Ordinal) ? releaseName : $"{releaseName}-{chart}";
        var cut = name[..Math.Min(26, name.Length)];
        return cut.EndsWith('-') ? cut[..^1] : cut;
    }

    /// <summary>
    /// The Prometheus Service kube-prometheus-stack declares: <c>&lt;fullname&gt;-prometheus</c>
    /// (templates/prometheus/service.yaml@kube-prometheus-stack-65.2.0) in the release's namespace.
    /// </summary>
    public static string PrometheusUrl(MonitoringSettings monitoring)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        return $"http://{KubePrometheusStackFullname(monitoring.ReleaseLabel)}-prometheus.{monitoring.Namespace}.svc";
    }

    private static Dictionary<string, object> KubePrometheusStackValues(ClusterKind cluster)
    {
        if (cluster == ClusterKind.SelfManaged)
        {
            return [];
        }

        // Each `enabled: false` drops the component's Service, ServiceMonitor and alert rules
        // (templates/prometheus/rules-1.14/{etcd,kubernetes-system-controller-manager,
        // kubernetes-system-scheduler,kube-scheduler.rules,kubernetes-system-kube-proxy}.yaml@kube-prometheus-stack-65.2.0
        // are conditioned on them), so no target stays down and no alert fires forever.
        // - EKS runs the control plane outside the cluster: nothing to scrape. Its kube-proxy add-on
        //   keeps metricsBindAddress at 127.0.0.1:10249 and resets edits (aws/containers-roadmap#657).
        // - kind, minikube and Docker Desktop are kubeadm clusters: kubeadm binds kube-controller-manager
        //   and kube-scheduler to 127.0.0.1 (kubernetes/kubernetes cmd/kubeadm/app/phases/controlplane/manifests.go)
        //   and etcd's metrics to http://127.0.0.1:2381 (cmd/kubeadm/app/phases/etcd/local.go,
        //   listen-metrics-urls on etcdLocalhostAddress), and kube-proxy's own default metricsBindAddress
        //   is 127.0.0.1:10249 (kubernetes/kubernetes pkg/proxy/apis/config/v1alpha1/defaults.go).
        var off = new Dictionary<string, object> { ["enabled"] = false };
        return new Dictionary<string, object>
        {
            ["kubeControllerManager"] = off,
            ["kubeScheduler"] = off,
            ["kubeEtcd"] = off,
            ["kubeProxy"] = off,
        };
    }
}
