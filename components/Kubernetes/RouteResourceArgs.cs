using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace Superset.Components.Kubernetes;

/// <summary>A custom resource of the routing layer: a Gateway API HTTPRoute or a Traefik ServersTransport, with its spec.</summary>
public sealed class RouteResourceArgs : CustomResourceArgs
{
    /// <summary>gateway.networking.k8s.io/v1 (kubernetes-sigs/gateway-api apis/v1/httproute_types.go@v1.4.0: HTTPRoute is in v1, Standard channel).</summary>
    public const string GatewayApiVersion = "gateway.networking.k8s.io/v1";

    /// <summary>traefik.io/v1alpha1 (traefik/traefik pkg/provider/kubernetes/crd/traefikio/v1alpha1/serverstransport.go@v3.6.7).</summary>
    public const string TraefikApiVersion = "traefik.io/v1alpha1";

    /// <summary>A resource of <paramref name="apiVersion"/> and <paramref name="kind"/>.</summary>
    public RouteResourceArgs(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    /// <summary>The resource's spec.</summary>
    [Input("spec")]
    public InputMap<object> Spec { get; set; } = new();
}
