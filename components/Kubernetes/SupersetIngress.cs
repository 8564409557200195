using System.Globalization;
using Pulumi;
using Pulumi.Kubernetes.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The NGINX Ingress in front of the web Service, with timeouts that match gunicorn's: ingress-nginx
/// defaults to 60 s, so a longer gunicorn timeout would otherwise end in a 504 from nginx while
/// the query still runs.
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

    /// <summary>Creates the Ingress.</summary>
    public SupersetIngress(string name, SupersetIngressArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, FormerTypes.Alias(options, FormerTypeToken))
    {
        ArgumentNullException.ThrowIfNull(args);
        var s = args.Ingress;
        // Longer than gunicorn's --timeout (the plan's ProxyTimeoutSeconds, Planner.ProxyTimeoutMarginSeconds).
        var timeout = s.ProxyTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        var annotations = new InputMap<string>
        {
            // ingress-nginx annotations (kubernetes.github.io/ingress-nginx, "Annotations").
            { "nginx.ingress.kubernetes.io/proxy-read-timeout", timeout },
            { "nginx.ingress.kubernetes.io/proxy-send-timeout", timeout },
            // CSV and Excel uploads; nginx's default is 1 MiB.
            { "nginx.ingress.kubernetes.io/proxy-body-size", "100m" },
            { "nginx.ingress.kubernetes.io/ssl-redirect", s.Tls ? "true" : "false" },
        };

        var ingress = new Ingress($"{name}-ingress", new IngressArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = "superset",
                Namespace = args.Namespace,
                Labels = Labels.For(args.Instance, SupersetWeb.Component),
                Annotations = annotations,
            },
            Spec = new IngressSpecArgs
            {
                IngressClassName = s.ClassName,
                Tls = s.TlsSecretName is { } tls
                    ? new InputList<IngressTLSArgs> { new IngressTLSArgs { Hosts = { s.Host }, SecretName = tls } }
                    : new InputList<IngressTLSArgs>(),
                Rules =
                {
                    new IngressRuleArgs
                    {
                        Host = s.Host,
                        Http = new HTTPIngressRuleValueArgs
                        {
                            Paths = args.ExtraPaths
                                .Select(p => Path(p.Path, p.Service, p.Port))
                                .Append(Path("/", args.WebService, "http"))
                                .ToArray(),
                        },
                    },
                },
            },
        }, new CustomResourceOptions { Parent = this });

        Url = Output.Create($"{(s.Tls ? "https" : "http")}://{s.Host}/");
        _ = ingress;
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url });
    }

    /// <summary>Where users open Superset.</summary>
    [Output]
    public Output<string> Url { get; private set; }
}
