using System.Globalization;
using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>
/// Each controller's own terms for the web tier's route: its annotations, with proxy timeouts above
/// gunicorn's (<see cref="IngressPlan.ProxyTimeoutSeconds"/>), so a slow request ends with gunicorn's
/// answer rather than the proxy's 504.
/// </summary>
public static class IngressRoutes
{
    /// <summary>The ServersTransport the web Service names under Traefik.</summary>
    public const string TraefikTransport = "superset-web";

    /// <summary>The Ingress's annotations: the controller's, then <c>ingress.annotations</c> over them.</summary>
    public static Dictionary<string, string> Annotations(IngressPlan ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var timeout = ingress.ProxyTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        var annotations = ingress.Controller switch
        {
            // kubernetes/ingress-nginx docs/user-guide/nginx-configuration/annotations.md@controller-v1.11.3,
            // "Custom timeouts" (the defaults are 60 s) and "Custom max body size" (the default is 1m).
            "nginx" => new Dictionary<string, string>
            {
                ["nginx.ingress.kubernetes.io/proxy-read-timeout"] = timeout,
                ["nginx.ingress.kubernetes.io/proxy-send-timeout"] = timeout,
                // CSV and Excel uploads; nginx's default is 1 MiB.
                ["nginx.ingress.kubernetes.io/proxy-body-size"] = "100m",
                ["nginx.ingress.kubernetes.io/ssl-redirect"] = ingress.Tls ? "true" : "false",
            },
            "alb" => Alb(ingress, timeout),
            // Traefik's backend timeout is its ServersTransport's (on the web Service, below); its
            // entryPoints' readTimeout (60 s by default, traefik/traefik pkg/config/static/static_config.go@v3.6.7,
            // DefaultReadTimeout) bounds reading a request and is the controller's static config.
            _ => [],
        };
        foreach (var (k, v) in ingress.Annotations)
        {
            annotations[k] = v;
        }

        return annotations;
    }

    /// <summary>
    /// The AWS Load Balancer Controller's annotations (kubernetes-sigs/aws-load-balancer-controller
    /// docs/guide/ingress/annotations.md@v2.17.1): targets are the pods' addresses (target-type ip: the
    /// web NetworkPolicy admits ingress.sourceCidrs), the health check is Superset's /health, the idle
    /// timeout (the ALB's is 60 s) above gunicorn's, and with a certificate HTTPS on 443 and HTTP
    /// redirected to it.
    /// </summary>
    private static Dictionary<string, string> Alb(IngressPlan ingress, string timeout)
    {
        var annotations = new Dictionary<string, string>
        {
            ["alb.ingress.kubernetes.io/target-type"] = "ip",
            ["alb.ingress.kubernetes.io/healthcheck-path"] = SupersetWeb.HealthPath,
            ["alb.ingress.kubernetes.io/load-balancer-attributes"] = $"idle_timeout.timeout_seconds={timeout}",
        };
        if (ingress.CertificateArn is { } certificate)
        {
            annotations["alb.ingress.kubernetes.io/certificate-arn"] = certificate;
            annotations["alb.ingress.kubernetes.io/listen-ports"] = "[{\"HTTP\": 80}, {\"HTTPS\": 443}]";
            annotations["alb.ingress.kubernetes.io/ssl-redirect"] = "443";
        }

        return annotations;
    }

    /// <summary>
    /// The web Service's annotations: <c>web.service.annotations</c>, and under Traefik the ServersTransport
    /// whose response-header timeout is above gunicorn's (traefik/traefik pkg/provider/kubernetes/ingress/annotations.go@v3.6.7,
    /// service.serverstransport, named <c>&lt;namespace&gt;-&lt;name&gt;@kubernetescrd</c> by pkg/provider/kubernetes/crd/kubernetes.go's makeID).
    /// </summary>
    public static InputMap<string>? WebServiceAnnotations(IngressPlan ingress, Superset.Configuration.WebServiceSettings service, Input<string> ns)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(service);
        var annotations = new InputMap<string>();
        if (ingress.Controller == "traefik")
        {
            annotations.Add("traefik.ingress.kubernetes.io/service.serverstransport", Output.Format($"{ns}-{TraefikTransport}@kubernetescrd"));
        }

        foreach (var (k, v) in service.Annotations ?? new Dictionary<string, string>())
        {
            annotations[k] = v;
        }

        // None: the field stays absent, as on every Service before these keys (no diff at the next preview).
        return ingress.Controller == "traefik" || service.Annotations is { Count: > 0 } ? annotations : null;
    }

    /// <summary>A Gateway API Duration (kubernetes-sigs/gateway-api apis/v1/shared_types.go@v1.4.0, Duration: whole seconds with s).</summary>
    public static string Duration(int seconds) => $"{seconds.ToString(CultureInfo.InvariantCulture)}s";
}
