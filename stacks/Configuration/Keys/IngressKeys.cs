namespace Superset.Configuration.Keys;

/// <summary>
/// How users reach the web tier beyond host, class and TLS (<see cref="PlatformKeys"/>): which
/// controller (NGINX, the AWS Load Balancer Controller, Traefik, none), its annotations, the
/// addresses a load balancer in IP mode connects from, the controller's pods, or a Gateway API
/// Gateway instead of an Ingress.
/// </summary>
public static class IngressKeys
{
    /// <summary><c>ingress.controller</c>.</summary>
    public static readonly ConfigKey Controller = Define.Choice("ingress.controller", ["nginx", "alb", "traefik", "none"],
        "nginx (ingress-nginx), alb (AWS Load Balancer Controller, IP targets), traefik, or none (no Ingress: a port-forward, or web.service.type LoadBalancer).",
        "nginx, alb (AWS Load Balancer Controller), traefik or none", s => s.Ingress.Controller) with { InertWhen = Applies.WithoutGateway };

    /// <summary><c>ingress.annotations</c>.</summary>
    public static readonly ConfigKey Annotations = Define.TextMap("ingress.annotations",
        "Annotations of the Ingress, merged last over the controller's (an ALB's scheme or group, an NGINX snippet).",
        Patterns.QualifiedName, null, "a mapping of annotation keys to text", s => s.Ingress.Annotations) with { DefaultText = "none", InertWhen = Applies.WithIngressObject };

    /// <summary><c>ingress.sourceCidrs</c>.</summary>
    public static readonly ConfigKey SourceCidrs = new()
    {
        Path = "ingress.sourceCidrs", Kind = ValueKind.StringList, Pattern = Patterns.Ipv4Cidr, MaxLength = 18, DefaultText = "none (required with controller alb)",
        Description = "The addresses a load balancer in IP mode connects to the web pods from (the VPC's CIDRs, or narrower: the load balancer's subnets): admitted by the web NetworkPolicy.",
        Expected = "IPv4 CIDR blocks, e.g. 10.0.0.0/16", Setting = s => s.Ingress.SourceCidrs, InertWhen = Applies.WithLoadBalancerSource,
    };

    /// <summary><c>ingress.controllerPodLabels</c>.</summary>
    public static readonly ConfigKey ControllerPodLabels = Define.TextMap("ingress.controllerPodLabels",
        "Labels of the controller's (or gateway's) proxy pods in ingress.controllerNamespace: only those pods are admitted to the web pods.",
        Patterns.QualifiedName, Patterns.LabelValue, "a mapping of label keys to label values", s => s.Ingress.ControllerPodLabels)
        with { DefaultText = "nginx: app.kubernetes.io/name=ingress-nginx, app.kubernetes.io/component=controller; traefik: app.kubernetes.io/name=traefik; gateway: any pod", InertWhen = Applies.WithControllerPods };

    /// <summary><c>ingress.certificateArn</c>.</summary>
    public static readonly ConfigKey CertificateArn = Define.Text("ingress.certificateArn", Patterns.AcmCertificateArn,
        "ACM certificate of the ALB's HTTPS listener (controller alb); omitted: plain HTTP.", "an ACM certificate ARN, e.g. arn:aws:acm:eu-west-1:123456789012:certificate/…",
        s => s.Ingress.CertificateArn) with { DefaultText = "none", InertWhen = Applies.WithAlb };

    /// <summary><c>ingress.gateway</c>.</summary>
    public static readonly ConfigKey Gateway = Define.Object("ingress.gateway",
        "A Gateway API Gateway to attach to: an HTTPRoute (gateway.networking.k8s.io/v1) is declared instead of an Ingress.");

    /// <summary><c>ingress.gateway.name</c>.</summary>
    public static readonly ConfigKey GatewayName = Define.Text("ingress.gateway.name", Patterns.DnsName, "The Gateway's name (required with ingress.gateway).",
        "the name of a Gateway (a DNS subdomain)", s => s.Ingress.Gateway?.Name) with { MaxLength = 253, DefaultText = "none" };

    /// <summary><c>ingress.gateway.namespace</c>.</summary>
    public static readonly ConfigKey GatewayNamespace = Define.Text("ingress.gateway.namespace", Patterns.DnsLabel,
        "The Gateway's namespace; its proxy pods are admitted to the web pods unless ingress.controllerNamespace says where they run.",
        "a namespace (a DNS label)", s => s.Ingress.Gateway?.Namespace) with { MaxLength = 63, DefaultText = "the stack's namespace" };

    /// <summary><c>ingress.gateway.sectionName</c>.</summary>
    public static readonly ConfigKey GatewaySectionName = Define.Text("ingress.gateway.sectionName", Patterns.DnsName,
        "The Gateway listener to attach to (parentRefs[].sectionName); omitted: every listener that admits the route.",
        "a listener name (a DNS subdomain)", s => s.Ingress.Gateway?.SectionName) with { MaxLength = 253, DefaultText = "none" };

    /// <summary><c>ingress.gateway.hostnames</c>.</summary>
    public static readonly ConfigKey GatewayHostnames = new()
    {
        Path = "ingress.gateway.hostnames", Kind = ValueKind.StringList, Pattern = Patterns.GatewayHostname, MaxLength = 253, DefaultText = "ingress.host",
        Description = "The HTTPRoute's hostnames (at most 16).", Expected = "host names, a wildcard first label allowed (*.example.com)",
        Setting = s => s.Ingress.Gateway?.Hostnames,
    };
}
