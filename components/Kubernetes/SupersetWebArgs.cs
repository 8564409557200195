using Pulumi;
using Superset.Catalog;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="SupersetWeb"/>.</summary>
public sealed record SupersetWebArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>The web tier's plan: workers, threads, pod size, timeouts, grace period.</summary>
    public required WebPlan Plan { get; init; }

    /// <summary>Where the data services are.</summary>
    public required DataConnections Data { get; init; }

    /// <summary>Secret holding superset_config.py.</summary>
    public required Input<string> ConfigSecret { get; init; }

    /// <summary>Checksum of superset_config.py: a change rolls the pods.</summary>
    public required string ConfigChecksum { get; init; }

    /// <summary>Container image (<see cref="Images.Superset"/>).</summary>
    public required string Image { get; init; }

    /// <summary>The Ingress plan: with Traefik, the web Service names its ServersTransport.</summary>
    public required IngressPlan Ingress { get; init; }

    /// <summary>The account, pull secrets, additions and the init Job's size and placement (the stack's plan).</summary>
    public required PodsPlan Pods { get; init; }
}
