using Pulumi;
using Superset.Artifacts.Monitoring;
using Superset.Planning.Network;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="SupersetMonitoring"/>.</summary>
public sealed record SupersetMonitoringArgs
{
    /// <summary>Namespace of the stack.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Stack name (the instance label).</summary>
    public required string Instance { get; init; }

    /// <summary>The <c>release</c> label kube-prometheus-stack's Prometheus selects by.</summary>
    public required string ReleaseLabel { get; init; }

    /// <summary>The workloads with a metrics port (the topology's): a ServiceMonitor each, on that port of their Service.</summary>
    public required IReadOnlyList<Workload> Scraped { get; init; }

    /// <summary>The alert rules, one PrometheusRule per group.</summary>
    public required IReadOnlyList<AlertGroup> AlertGroups { get; init; }

    /// <summary>Grafana dashboards: uid → dashboard JSON.</summary>
    public required IReadOnlyDictionary<string, string> Dashboards { get; init; }

    /// <summary>Namespace of Grafana's dashboard sidecar (the monitoring namespace).</summary>
    public required string DashboardNamespace { get; init; }
}
