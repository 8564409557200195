using Superset.Configuration;

namespace Superset.Planning;

/// <summary>One queue's Celery worker pool.</summary>
public sealed record PoolPlan
{
    /// <summary>SQLAlchemy pool per Celery child: pool_size 1 + max_overflow 1 (a child runs one task).</summary>
    public const int ChildDbConnections = 2;

    /// <summary>Queue name.</summary>
    public required string Name { get; init; }

    /// <summary>Celery <c>-c</c>: prefork children per pod.</summary>
    public required int Concurrency { get; init; }

    /// <summary><c>config</c> or <c>memory</c> (computed from the pod's memory).</summary>
    public required string ConcurrencySource { get; init; }

    /// <summary>How the pool's autoscaler scales: bounds, queue and CPU targets, behavior, KEDA's timing.</summary>
    public required PoolAutoscaler Autoscaler { get; init; }

    /// <summary>Celery's soft and hard time limits.</summary>
    public required TimeLimits Limits { get; init; }

    /// <summary>When Celery replaces a child.</summary>
    public required ChildRecycling Recycling { get; init; }

    /// <summary>Pod CPU request and memory.</summary>
    public required PodResources Pod { get; init; }

    /// <summary>The preStop hook's time (cancel_consumer to this pod only) and the grace period (a running task always finishes).</summary>
    public required Shutdown Shutdown { get; init; }

    /// <summary>The queue's task profile.</summary>
    public required TaskProfile Tasks { get; init; }

    /// <summary>Queue wait above which the wait alert fires.</summary>
    public required int WaitTargetSeconds { get; init; }

    /// <summary>Celery --prefetch-multiplier of the pool's workers.</summary>
    public required int PrefetchMultiplier { get; init; }

    /// <summary>Where the pool's pods run.</summary>
    public PlacementPlan Placement { get; init; } = PlacementPlan.None;

    /// <summary>The node pool they are priced on.</summary>
    public PoolCost Cost { get; init; } = PoolCost.Default;

    /// <summary>The pool's bounds.</summary>
    public ReplicaBounds Replicas => Autoscaler.Replicas;

    /// <summary>Celery <c>--max-memory-per-child</c>: Celery takes KiB.</summary>
    public int MaxMemoryPerChildKiB => Recycling.MaxMemoryPerChildMi * 1024;

    /// <summary>
    /// Replicas KEDA holds while it cannot read the broker (<c>fallback.replicas</c>): what the peak
    /// needs, ceil(busy children at peak ÷ concurrency), within the pool's bounds and at least one.
    /// </summary>
    public int FallbackReplicas => Math.Clamp((int)decimal.Ceiling(PeakBusyChildren / Math.Max(Concurrency, 1)), Math.Max(Replicas.Min, 1), Math.Max(Replicas.Max, 1));

    /// <summary>Children the peak keeps busy (Little's law: arrival rate × mean run time).</summary>
    public decimal PeakBusyChildren => Tasks.PeakPerMinute * Tasks.MeanSeconds / 60m; // multiplied first: 4.8 / 60 is not exact in decimal, and its ceiling once gave one pod more

    /// <summary>Metadata-database connections one pod may open: each child has its own pool.</summary>
    public int DbConnectionsPerPod => Concurrency * ChildDbConnections;
}
