using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="SupersetInit"/>.</summary>
public sealed record SupersetInitArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>Where the data services are.</summary>
    public required DataConnections Data { get; init; }

    /// <summary>Secret holding superset_config.py.</summary>
    public required Input<string> ConfigSecret { get; init; }

    /// <summary>Checksum of superset_config.py: part of the Job's name, so a change runs it again.</summary>
    public required string ConfigChecksum { get; init; }

    /// <summary>The Job's shell script (Artifacts' SupersetInitScript.Script of the plan).</summary>
    public string Script { get; init; } = Superset.Artifacts.SupersetInitScript.Default;

    /// <summary>Container image: part of the Job's name, so an upgrade migrates first.</summary>
    public required string Image { get; init; }

    /// <summary>The account, pull secrets, additions and the init Job's size and placement (the stack's plan).</summary>
    public required PodsPlan Pods { get; init; }
}
