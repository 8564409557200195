using Pulumi;
using Pulumi.Kubernetes.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace Superset.Components.Kubernetes;

/// <summary>
/// How users reach the web tier: an Ingress in the controller's own terms (NGINX, the AWS Load
/// Balancer Controller, Traefik with its ServersTransport), a Gateway API HTTPRoute attached to the
/// stack's Gateway, or nothing (controller none). Every proxy's timeout stays above gunicorn's
/// (<see cref="IngressRoutes"/>): ingress-nginx and an ALB default to 60 s, so a longer gunicorn
/// timeout would otherwise end in a 504 while the query still runs.
/// </summary>
public sealed class SupersetIngress : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:SupersetIngress";

    /// <summary>The type token before it matched the class name (an alias keeps existing stacks' resources).</summary>
    public const string FormerTypeToken = "superset:k8s:Ingress";

    private static HTTPIngressPathArgs Path(string path, Input<string> service, string port) => new()
    {
        Path = path,
        PathType = "Prefix",
        Backend = new IngressBackendArgs
        {
            Service = new IngressServiceBackendArgs { Name = service, Port = new ServiceBackendPortArgs { Name = port } },
        },
    };

    /// <summary>Creates the Ingress, the HTTPRoute, or nothing.</summary>
    public SupersetIngress(string name, SupersetIngressArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, FormerTypes.Alias(options, FormerTypeToken))
    {
        ArgumentNullException.ThrowIfNull(args);
        var s = args.Ingress;
        var parent = new CustomResourceOptions { Parent = this };
        var labels = Labels.For(args.Instance, SupersetWeb.Component);
        var paths = args.ExtraPaths.Append((Path: "/", Service: args.WebService, Port: "http", ServicePort: Superset.Planning.Workloads.Web.WebWorkload.Spec.Identity.Port("http").ServicePort)).ToList();
        switch (s.Controller)
        {
            case "gateway":
                _ = new KubernetesCustomResource($"{name}-httproute", new RouteResourceArgs(RouteResourceArgs.GatewayApiVersion, "HTTPRoute")
                {
                    Metadata = new ObjectMetaArgs { Name = "superset", Namespace = args.Namespace, Labels = labels },
                    Spec = GatewayRoute.Spec(s, paths),
                }, parent);
                break;
            case "none":
                break;
            default:
                if (s.Controller == "traefik")
                {
                    _ = new KubernetesCustomResource($"{name}-serverstransport", new RouteResourceArgs(RouteResourceArgs.TraefikApiVersion, "ServersTransport")
                    {
                        Metadata = new ObjectMetaArgs { Name = IngressRoutes.TraefikTransport, Namespace = args.Namespace, Labels = labels },
                        // Waiting for the response headers is what a slow query holds up (traefik/traefik
                        // pkg/provider/kubernetes/crd/traefikio/v1alpha1/serverstransport.go@v3.6.7, ForwardingTimeouts).
                        Spec = new InputMap<object>
                        {
                            { "forwardingTimeouts", new Dictionary<string, object> { ["responseHeaderTimeout"] = IngressRoutes.Duration(s.ProxyTimeoutSeconds) } },
                        },
                    }, parent);
                }

                _ = new Ingress($"{name}-ingress", new IngressArgs
                {
                    Metadata = new ObjectMetaArgs { Name = "superset", Namespace = args.Namespace, Labels = labels, Annotations = IngressRoutes.Annotations(s) },
                    Spec = new IngressSpecArgs
                    {
                        IngressClassName = s.ClassName,
                        Tls = s.TlsSecretName is { } tls && s.Controller != "alb"
                            ? new InputList<IngressTLSArgs> { new IngressTLSArgs { Hosts = { s.Host }, SecretName = tls } }
                            : new InputList<IngressTLSArgs>(),
                        Rules =
                        {
                            new IngressRuleArgs
                            {
                                Host = s.Host,
                                Http = new HTTPIngressRuleValueArgs { Paths = paths.Select(p => Path(p.Path, p.Service, p.Port)).ToArray() },
                            },
                        },
                    },
                }, parent);
                break;
        }

        Url = Output.Create(s.Controller == "none" ? "(no Ingress: kubectl port-forward svc/superset-web 8088:80, or the web Service's load balancer)" : $"{(s.Tls ? "https" : "http")}://{s.Gateway?.Hostnames[0] ?? s.Host}/");
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url });
    }

    /// <summary>Where users open Superset.</summary>
    [Output]
    public Output<string> Url { get; private set; }
}
