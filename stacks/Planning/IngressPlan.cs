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
    /// <summary>Whether users connect over TLS.</summary>
    public bool Tls => TlsSecretName is not null;
}
