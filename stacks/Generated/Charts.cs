namespace Superset.Stacks.Generated;

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
}
