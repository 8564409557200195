namespace Superset.Configuration;

/// <summary>
/// Where metrics go: a Prometheus Operator (kube-prometheus-stack) in the cluster. The program
/// declares ServiceMonitors and PrometheusRules for it; it does not install it unless asked.
/// </summary>
/// <param name="Namespace">Namespace of Prometheus: the only source NetworkPolicy admits to metrics ports.</param>
/// <param name="ReleaseLabel">
/// Value of the <c>release</c> label on ServiceMonitors and PrometheusRules: kube-prometheus-stack's
/// Prometheus selects only objects labelled with its Helm release name unless told otherwise
/// (its values <c>serviceMonitorSelectorNilUsesHelmValues</c> and <c>ruleSelectorNilUsesHelmValues</c>).
/// </param>
/// <param name="Enabled">Declare ServiceMonitors, PrometheusRules and queue-depth autoscaling (needs the operator's CRDs).</param>
/// <param name="InstallStack">Install kube-prometheus-stack and prometheus-adapter from their pinned charts (for a cluster without them).</param>
/// <param name="InstallMetricsServer">
/// Install metrics-server from its pinned chart: the resource metrics API (<c>metrics.k8s.io</c>)
/// every CPU target of an autoscaler reads. Defaults to <paramref name="InstallStack"/>; turn it off
/// where the cluster already serves that API (an EKS metrics-server add-on, say): two releases
/// cannot own the same APIService.
/// </param>
public sealed record MonitoringSettings(string Namespace, string ReleaseLabel, bool Enabled, bool InstallStack, bool InstallMetricsServer);
