using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace Superset.Components.Kubernetes;

/// <summary>
/// A Prometheus Operator object (ServiceMonitor, PrometheusRule: monitoring.coreos.com/v1) whose
/// spec is a plain structure, for <see cref="Pulumi.Kubernetes.ApiExtensions.CustomResource"/>.
/// </summary>
public sealed class OperatorResourceArgs : CustomResourceArgs
{
    /// <summary>The Prometheus Operator's API group and version.</summary>
    public const string ApiVersionV1 = "monitoring.coreos.com/v1";

    /// <summary>A ServiceMonitor or PrometheusRule.</summary>
    public OperatorResourceArgs(string kind)
        : base(ApiVersionV1, kind)
    {
    }

    /// <summary>The object's spec.</summary>
    [Input("spec")]
    public InputMap<object> Spec { get; set; } = new();
}
