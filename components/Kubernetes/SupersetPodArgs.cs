using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Superset.Configuration;
using Superset.Planning;
using Superset.Planning.Network;

namespace Superset.Components.Kubernetes;

/// <summary>What <see cref="SupersetPodTemplate.Build"/> needs for one Superset process.</summary>
public sealed record SupersetPodArgs
{
    /// <summary><c>web</c>, <c>worker</c>, <c>beat</c> or <c>init</c>: SUPERSET_PROCESS_ROLE, which picks the SQLAlchemy pool.</summary>
    public required string Role { get; init; }

    /// <summary>The pool's queue (workers): which <c>queues.&lt;name&gt;.env</c> the pods get.</summary>
    public string? Queue { get; init; }

    /// <summary>The pod's labels.</summary>
    public required Dictionary<string, string> Labels { get; init; }

    /// <summary>The Superset image.</summary>
    public required string Image { get; init; }

    /// <summary>Where the data services are, and the credentials Secret.</summary>
    public required DataConnections Data { get; init; }

    /// <summary>The Secret holding superset_config.py.</summary>
    public required Input<string> ConfigSecret { get; init; }

    /// <summary>The config's checksum, annotated so a change rolls the pods; null for the init Job (named after it instead).</summary>
    public string? ConfigChecksum { get; init; }

    /// <summary>terminationGracePeriodSeconds; null: Kubernetes' default.</summary>
    public int? TerminationGracePeriodSeconds { get; init; }

    /// <summary>The pod's restartPolicy; null: Kubernetes' default (Always).</summary>
    public string? RestartPolicy { get; init; }

    /// <summary>What the process's container does differently.</summary>
    public required SupersetContainer Container { get; init; }

    /// <summary>Where the role's pods run.</summary>
    public required PlacementPlan Placement { get; init; }

    /// <summary>The account, pull secrets and additions of Superset's pods (the role's, by <see cref="Role"/>).</summary>
    public required PodsPlan Pods { get; init; }
}

/// <summary>The part of a Superset container its process decides.</summary>
public sealed record SupersetContainer
{
    /// <summary>The container's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its command: the process is PID 1, so SIGTERM reaches it.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>CPU request and memory.</summary>
    public required PodResources Resources { get; init; }

    /// <summary>The ports it listens on (its workload's).</summary>
    public IReadOnlyList<WorkloadPort> Ports { get; init; } = [];

    /// <summary>Variables after the shared environment.</summary>
    public IReadOnlyList<EnvVarArgs> ExtraEnv { get; init; } = [];

    /// <summary>More writable directories: (volume name, path).</summary>
    public IReadOnlyList<(string Volume, string Path)> ExtraWritable { get; init; } = [];

    /// <summary>Startup probe; null: none.</summary>
    public ProbeArgs? StartupProbe { get; init; }

    /// <summary>Readiness probe; null: none.</summary>
    public ProbeArgs? ReadinessProbe { get; init; }

    /// <summary>Liveness probe; null: none.</summary>
    public ProbeArgs? LivenessProbe { get; init; }

    /// <summary>The preStop hook; null: none.</summary>
    public LifecycleArgs? Lifecycle { get; init; }
}
