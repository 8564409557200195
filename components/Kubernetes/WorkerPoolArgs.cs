using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="WorkerPool"/>.</summary>
public sealed record WorkerPoolArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>This pool's plan: queue, concurrency, limits, grace period, bounds.</summary>
    public required PoolPlan Pool { get; init; }

    /// <summary>Where the data services are.</summary>
    public required DataConnections Data { get; init; }

    /// <summary>Secret holding superset_config.py.</summary>
    public required Input<string> ConfigSecret { get; init; }

    /// <summary>Checksum of superset_config.py: a change rolls the pods.</summary>
    public required string ConfigChecksum { get; init; }

    /// <summary>Container image.</summary>
    public required string Image { get; init; }

    /// <summary>Scale on the queue's depth too (prometheus-adapter serves it); false: CPU only.</summary>
    public required bool QueueDepthMetric { get; init; }

    /// <summary>
    /// Scale with KEDA (engine keda): the ScaledObject's Redis triggers read the broker through this
    /// TriggerAuthentication, and no hand-made HPA is declared. Null: the HPA.
    /// </summary>
    public Input<string>? KedaAuthentication { get; init; }

    /// <summary>The account, pull secrets, additions and the init Job's size and placement (the stack's plan).</summary>
    public required PodsPlan Pods { get; init; }
}
