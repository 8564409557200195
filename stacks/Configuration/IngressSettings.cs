namespace Superset.Configuration;

/// <summary>How users reach the web tier: an Ingress of one controller, a Gateway API HTTPRoute, or none.</summary>
/// <param name="Host">Host name the Ingress serves.</param>
/// <param name="ClassName">IngressClass of the controller.</param>
/// <param name="TlsSecretName">Secret with the TLS certificate (NGINX, Traefik); null serves plain HTTP (dev only).</param>
/// <param name="ControllerNamespace">Namespace of the controller's (or gateway's) proxy pods: the only in-cluster source NetworkPolicy admits to the web pods.</param>
/// <param name="InstallController">Install ingress-nginx from its pinned chart (for a cluster without one).</param>
public sealed record IngressSettings(string Host, string ClassName, string? TlsSecretName, string ControllerNamespace, bool InstallController)
{
    /// <summary><c>nginx</c>, <c>alb</c>, <c>traefik</c> or <c>none</c>.</summary>
    public string Controller { get; init; } = "nginx";

    /// <summary>Annotations merged last over the controller's; null: none.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The CIDRs a load balancer in IP mode connects from (the VPC's, or its subnets').</summary>
    public IReadOnlyList<string> SourceCidrs { get; init; } = [];

    /// <summary>The labels of the controller's (or gateway's) proxy pods; null: any pod of <see cref="ControllerNamespace"/>.</summary>
    public IReadOnlyDictionary<string, string>? ControllerPodLabels { get; init; }

    /// <summary>The ALB's ACM certificate (controller alb); null: HTTP only.</summary>
    public string? CertificateArn { get; init; }

    /// <summary>The Gateway an HTTPRoute attaches to, instead of an Ingress; null: an Ingress (or none).</summary>
    public GatewaySettings? Gateway { get; init; }
}

/// <summary>A Gateway API Gateway to attach the web tier's HTTPRoute to.</summary>
/// <param name="Name">The Gateway's name.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="SectionName">The listener; null: any that admits the route.</param>
/// <param name="Hostnames">The route's hostnames.</param>
public sealed record GatewaySettings(string Name, string Namespace, string? SectionName, IReadOnlyList<string> Hostnames);
