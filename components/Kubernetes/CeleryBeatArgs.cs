using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="CeleryBeat"/>.</summary>
public sealed record CeleryBeatArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>Beat's pod size (always one replica).</summary>
    public required BeatPlan Plan { get; init; }

    /// <summary>Where the data services are.</summary>
    public required DataConnections Data { get; init; }

    /// <summary>Secret holding superset_config.py.</summary>
    public required Input<string> ConfigSecret { get; init; }

    /// <summary>Checksum of superset_config.py.</summary>
    public required string ConfigChecksum { get; init; }

    /// <summary>Container image.</summary>
    public required string Image { get; init; }

    /// <summary>The account, pull secrets, additions and the init Job's size and placement (the stack's plan).</summary>
    public required PodsPlan Pods { get; init; }
}
