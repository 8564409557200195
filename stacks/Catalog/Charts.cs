namespace Superset.Catalog;

/// <summary>A Helm chart pinned to one released version.</summary>
/// <param name="Repository">Chart repository URL.</param>
/// <param name="Chart">Chart name in the repository.</param>
/// <param name="Version">Released chart version.</param>
/// <param name="Namespace">Namespace the release installs into (the chart's documented default).</param>
public sealed record PinnedChart(string Repository, string Chart, string Version, string Namespace);

/// <summary>
/// The cluster add-ons this program can install when a cluster lacks them (each off by default:
/// most clusters have them). Pinned here, next to the images, and upgraded by a reviewed change.
/// </summary>
public static class Charts
{
    /// <summary>The NGINX ingress controller (kubernetes.github.io/ingress-nginx, "Installation Guide").</summary>
    public static readonly PinnedChart IngressNginx = new("https://kubernetes.github.io/ingress-nginx", "ingress-nginx", "4.11.3", "ingress-nginx");

    /// <summary>Prometheus Operator, Prometheus, Alertmanager, Grafana, kube-state-metrics (prometheus-community).</summary>
    public static readonly PinnedChart KubePrometheusStack = new("https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack", "65.2.0", "monitoring");

    /// <summary>Serves Prometheus series to the HPA as External metrics (prometheus-community).</summary>
    public static readonly PinnedChart PrometheusAdapter = new("https://prometheus-community.github.io/helm-charts", "prometheus-adapter", "4.8.2", "monitoring");

    /// <summary>
    /// The resource metrics API (<c>metrics.k8s.io</c>) behind every CPU target of an autoscaler
    /// (kubernetes-sigs/metrics-server, chart 3.12.2 = metrics-server 0.7.2, charts/metrics-server/Chart.yaml@metrics-server-helm-chart-3.12.2),
    /// installed where metrics-server's own manifests run it: kube-system (manifests/base/deployment.yaml@metrics-server-helm-chart-3.12.2).
    /// </summary>
    public static readonly PinnedChart MetricsServer = new("https://kubernetes-sigs.github.io/metrics-server/", "metrics-server", "3.12.2", "kube-system");

    /// <summary>
    /// KEDA: the operator, its metrics server (<c>external.metrics.k8s.io</c>) and admission webhooks,
    /// with its CRDs (kedacore/charts keda/Chart.yaml@v2.20.2: version and appVersion 2.20.2),
    /// installed where KEDA's own docs install it: the keda namespace.
    /// </summary>
    public static readonly PinnedChart Keda = new("https://kedacore.github.io/charts", "keda", "2.20.2", "keda");
}
