using Pulumi;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="NetworkPolicies"/>.</summary>
public sealed record NetworkPoliciesArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>Namespace of the ingress controller, the only client of the web pods.</summary>
    public required string IngressControllerNamespace { get; init; }

    /// <summary>Whether PostgreSQL and Redis run in the namespace (in-cluster data services).</summary>
    public required bool InClusterDataServices { get; init; }

    /// <summary>Namespace of Prometheus: the only source admitted to metrics ports.</summary>
    public required string MonitoringNamespace { get; init; }

    /// <summary>Other components that serve only metrics (component label → port), e.g. the Celery exporter.</summary>
    public IReadOnlyDictionary<string, int> MetricsPorts { get; init; } = new Dictionary<string, int>();

    /// <summary>Other components the ingress controller may reach (component label → port), e.g. the websocket server.</summary>
    public IReadOnlyDictionary<string, int> IngressPorts { get; init; } = new Dictionary<string, int>();

    /// <summary>Components that accept no connection at all (e.g. Flower without an ingress: port-forward only).</summary>
    public IReadOnlyList<string> Closed { get; init; } = [];
}
