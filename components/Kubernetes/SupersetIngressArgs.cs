using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="SupersetIngress"/>.</summary>
public sealed record SupersetIngressArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>Host, class, TLS and the proxy timeouts (the plan's).</summary>
    public required IngressPlan Ingress { get; init; }

    /// <summary>The web Service.</summary>
    public required Input<string> WebService { get; init; }

    /// <summary>More paths on the same host: (path, Service, port name, Service port), e.g. <c>/ws</c> and <c>/flower</c>.</summary>
    public IReadOnlyList<(string Path, Input<string> Service, string Port, int ServicePort)> ExtraPaths { get; init; } = [];
}
