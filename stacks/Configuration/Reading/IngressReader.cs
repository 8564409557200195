using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads <c>superset:ingress</c>: the controller, its class, namespace and pods, TLS, annotations, a Gateway.</summary>
internal static class IngressReader
{
    /// <summary>
    /// The labels of each controller's proxy pods, as its pinned chart sets them:
    /// ingress-nginx's controller (kubernetes/ingress-nginx charts/ingress-nginx/templates/controller-deployment.yaml
    /// and _helpers.tpl@helm-chart-4.11.3: the selector labels app.kubernetes.io/name (the chart's name) and
    /// instance, and app.kubernetes.io/component: controller), Traefik's (traefik/traefik-helm-chart
    /// traefik/templates/_helpers.tpl@v39.0.0, traefik.labelselector: app.kubernetes.io/name, the chart's name).
    /// The instance label is left out: it is the Helm release's name, which each cluster chooses.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? DefaultPodLabels(string controller) => controller switch
    {
        "nginx" => new Dictionary<string, string> { ["app.kubernetes.io/name"] = "ingress-nginx", ["app.kubernetes.io/component"] = "controller" },
        "traefik" => new Dictionary<string, string> { ["app.kubernetes.io/name"] = "traefik" },
        _ => null,
    };

    /// <summary>
    /// Each controller's IngressClass: ingress-nginx's chart names it nginx (controller.ingressClassResource.name,
    /// values.yaml@helm-chart-4.11.3); the AWS Load Balancer Controller's is alb (kubernetes-sigs/aws-load-balancer-controller
    /// helm/aws-load-balancer-controller/values.yaml@v2.17.1, ingressClass: alb); Traefik's chart names it after its release, traefik by default
    /// (templates/ingressclass.yaml@v39.0.0).
    /// </summary>
    public static string DefaultClass(string controller) => controller switch
    {
        "alb" => "alb",
        "traefik" => "traefik",
        _ => "nginx",
    };

    public static IngressSettings Read(ObjectReader r, List<SettingsError> errors)
    {
        var controller = r.String(IngressKeys.Controller, "nginx");
        var gateway = r.Has(IngressKeys.Gateway) ? Gateway(r.Child(IngressKeys.Gateway), r.String(PlatformKeys.Host, PlatformKeys.DefaultHost), errors) : null;
        var result = new IngressSettings(
            Host: r.String(PlatformKeys.Host, PlatformKeys.DefaultHost),
            ClassName: r.String(PlatformKeys.ClassName, DefaultClass(controller)),
            TlsSecretName: r.NullableString(PlatformKeys.TlsSecretName),
            ControllerNamespace: r.String(PlatformKeys.ControllerNamespace, gateway?.Namespace ?? (controller == "traefik" ? "traefik" : "ingress-nginx")),
            InstallController: r.Bool(PlatformKeys.InstallController, false))
        {
            Controller = gateway is null ? controller : "gateway",
            Annotations = r.StringMap(IngressKeys.Annotations),
            SourceCidrs = r.StringList(IngressKeys.SourceCidrs),
            ControllerPodLabels = r.StringMap(IngressKeys.ControllerPodLabels) ?? (gateway is null ? DefaultPodLabels(controller) : null),
            CertificateArn = r.NullableString(IngressKeys.CertificateArn),
            Gateway = gateway,
        };
        r.RejectUnknown();
        // A list already refused (a bad CIDR) is not also reported missing.
        if (result.Controller == "alb" && result.SourceCidrs.Count == 0 && !errors.Any(e => e.Key == r.KeyOf(IngressKeys.SourceCidrs)))
        {
            errors.Add(new SettingsError(r.KeyOf(IngressKeys.SourceCidrs), "(missing)",
                "the VPC's CIDRs (or the ALB's subnets'): an ALB in IP mode connects to the web pods from its own addresses there, which the web NetworkPolicy must admit"));
        }

        return result;
    }

    private static GatewaySettings Gateway(ObjectReader r, string host, List<SettingsError> errors)
    {
        var name = r.NullableString(IngressKeys.GatewayName);
        var hostnames = r.StringList(IngressKeys.GatewayHostnames);
        var result = new GatewaySettings(name ?? "", r.String(IngressKeys.GatewayNamespace, ""), r.NullableString(IngressKeys.GatewaySectionName),
            hostnames.Count > 0 ? hostnames : [host]);
        r.RejectUnknown();
        if (name is null)
        {
            errors.Add(new SettingsError(r.KeyOf(IngressKeys.GatewayName), "(missing)", "the name of the Gateway the HTTPRoute attaches to"));
        }

        if (hostnames.Count > 16)
        {
            // kubernetes-sigs/gateway-api apis/v1/httproute_types.go@v1.4.0: Hostnames, +kubebuilder:validation:MaxItems=16.
            errors.Add(new SettingsError(r.KeyOf(IngressKeys.GatewayHostnames), $"{hostnames.Count} names", "at most 16 host names (HTTPRoute's limit)"));
        }

        return result;
    }
}
