namespace Superset.Planning;

/// <summary>How users reach the web tier, with the timeouts derived from gunicorn's.</summary>
/// <param name="Host">Host name the Ingress serves.</param>
/// <param name="ClassName">IngressClass of the NGINX ingress controller.</param>
/// <param name="TlsSecretName">TLS Secret; null serves plain HTTP (dev only).</param>
/// <param name="ControllerNamespace">The ingress controller's namespace.</param>
/// <param name="ProxyTimeoutSeconds">
/// nginx's proxy read and send timeouts: gunicorn's <c>--timeout</c> plus
/// <c>Sizing.Planner.ProxyTimeoutMarginSeconds</c>, so a slow request ends with gunicorn's answer
/// rather than nginx's 504 (ingress-nginx defaults to 60 s).
/// </param>
/// <param name="InstallController">Install the pinned ingress-nginx chart.</param>
public sealed record IngressPlan(string Host, string ClassName, string? TlsSecretName, string ControllerNamespace, int ProxyTimeoutSeconds, bool InstallController)
{
    /// <summary><c>nginx</c>, <c>alb</c>, <c>traefik</c>, <c>none</c>, or <c>gateway</c> (an HTTPRoute).</summary>
    public string Controller { get; init; } = "nginx";

    /// <summary>Annotations merged last over the controller's.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The addresses a load balancer in IP mode connects from (alb, or none with a LoadBalancer Service); empty otherwise.</summary>
    public IReadOnlyList<string> SourceCidrs { get; init; } = [];

    /// <summary>The controller's (or gateway's) proxy pods' labels in <see cref="ControllerNamespace"/>; null: any pod there.</summary>
    public IReadOnlyDictionary<string, string>? ControllerPodLabels { get; init; }

    /// <summary>The ALB's ACM certificate; null: HTTP only.</summary>
    public string? CertificateArn { get; init; }

    /// <summary>The Gateway the HTTPRoute attaches to (its namespace resolved); null: an Ingress, or none.</summary>
    public Configuration.GatewaySettings? Gateway { get; init; }

    /// <summary>Whether users connect over TLS.</summary>
    public bool Tls => Controller == "alb" ? CertificateArn is not null : TlsSecretName is not null;

    /// <summary>Whether an in-cluster proxy (a controller's or a gateway's pods) connects to the web pods.</summary>
    public bool InClusterProxy => Controller is "nginx" or "traefik" or "gateway";
}
