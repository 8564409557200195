namespace Superset.Configuration;

/// <summary>How users reach the web tier: an NGINX Ingress.</summary>
/// <param name="Host">Host name the Ingress serves.</param>
/// <param name="ClassName">IngressClass of the NGINX ingress controller.</param>
/// <param name="TlsSecretName">Secret with the TLS certificate; null serves plain HTTP (dev only).</param>
/// <param name="ControllerNamespace">Namespace of the ingress controller: the only source NetworkPolicy admits to the web pods.</param>
/// <param name="InstallController">Install ingress-nginx from its pinned chart (for a cluster without one).</param>
public sealed record IngressSettings(string Host, string ClassName, string? TlsSecretName, string ControllerNamespace, bool InstallController);
