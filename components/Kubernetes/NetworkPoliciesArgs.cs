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

    /// <summary>
    /// KEDA's namespace when the pools scale with KEDA (engine keda): its operator (pods labelled
    /// <c>app.kubernetes.io/name: keda-operator</c>, templates/manager/deployment.yaml@kedacore/charts v2.20.2)
    /// reads the queues from the in-cluster broker's Redis port. Null: no KEDA.
    /// </summary>
    public string? KedaNamespace { get; init; }
}
