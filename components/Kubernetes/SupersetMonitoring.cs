using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Artifacts.Monitoring;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace Superset.Components.Kubernetes;

/// <summary>
/// What the Prometheus Operator needs to watch the stack: a ServiceMonitor per metrics Service and a
/// PrometheusRule per alert concern, labelled with the release label its Prometheus selects.
/// </summary>
public sealed class SupersetMonitoring : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:SupersetMonitoring";

    /// <summary>The type token before it matched the class name (an alias keeps existing stacks' resources).</summary>
    public const string FormerTypeToken = "superset:k8s:Monitoring";

    /// <summary>Scrape interval: the HPA syncs every 15 s, a slower scrape only adds lag.</summary>
    public const string ScrapeInterval = "15s";

    /// <summary>Creates the ServiceMonitors, PrometheusRules and dashboard ConfigMaps.</summary>
    public SupersetMonitoring(string name, SupersetMonitoringArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, FormerTypes.Alias(options, FormerTypeToken))
    {
        ArgumentNullException.ThrowIfNull(args);
        var parent = new CustomResourceOptions { Parent = this };

        InputMap<string> LabelsOf(string component)
        {
            var labels = new InputMap<string> { { "release", args.ReleaseLabel } };
            foreach (var (k, v) in Labels.For(args.Instance, component))
            {
                labels.Add(k, v);
            }

            return labels;
        }

        foreach (var workload in args.Scraped)
        {
            var port = workload.MetricsPort ?? throw new ArgumentException($"{workload.Component} serves no metrics", nameof(args));
            var serviceName = workload.ServiceName ?? throw new ArgumentException($"{workload.Component} has no Service", nameof(args));
            _ = new KubernetesCustomResource($"{name}-{workload.Component}-monitor", new OperatorResourceArgs("ServiceMonitor")
            {
                Metadata = new ObjectMetaArgs { Name = serviceName, Namespace = args.Namespace, Labels = LabelsOf("monitoring") },
                Spec = new InputMap<object>
                {
                    { "selector", new Dictionary<string, object> { ["matchLabels"] = Labels.Selector(args.Instance, workload.Component) } },
                    { "endpoints", new List<object> { new Dictionary<string, object> { ["port"] = port.Name, ["interval"] = ScrapeInterval } } },
                },
            }, parent);
        }

        foreach (var group in args.AlertGroups)
        {
            _ = new KubernetesCustomResource($"{name}-{group.Name}-rules", new OperatorResourceArgs("PrometheusRule")
            {
                Metadata = new ObjectMetaArgs { Name = group.Name, Namespace = args.Namespace, Labels = LabelsOf("monitoring") },
                Spec = new InputMap<object> { { "groups", new List<object> { AlertRules.Group(group) } } },
            }, parent);
        }

        // Grafana dashboards, where kube-prometheus-stack's Grafana sidecar finds them: a ConfigMap
        // labelled grafana_dashboard=1 (its default) in the monitoring namespace.
        foreach (var (uid, json) in args.Dashboards)
        {
            var labels = LabelsOf("dashboards");
            labels.Add(Superset.Artifacts.Monitoring.Dashboards.SidecarLabel, "1");
            _ = new Pulumi.Kubernetes.Core.V1.ConfigMap($"{name}-{uid}-dashboard", new Pulumi.Kubernetes.Types.Inputs.Core.V1.ConfigMapArgs
            {
                Metadata = new ObjectMetaArgs { Name = $"{uid}-{args.Instance}", Namespace = args.DashboardNamespace, Labels = labels },
                Data = new InputMap<string> { { $"{uid}-{args.Instance}.json", json } },
            }, parent);
        }

        RegisterOutputs();
    }
}
