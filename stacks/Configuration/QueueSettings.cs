namespace Superset.Configuration;

/// <summary>
/// One Celery queue and the worker pool that consumes it (docs/sources/autoscaling.md,
/// "Multi-Queue Auto-Scaling"), composed of named parts so no two numbers can be swapped.
/// </summary>
public sealed record QueueSettings
{
    /// <summary>Queue name; also the pool's Celery node name prefix.</summary>
    public required string Name { get; init; }

    /// <summary>Celery -c, prefork children per pod; null means computed from memory.</summary>
    public required int? Concurrency { get; init; }

    /// <summary>The autoscaler's bounds (docs/sources/autoscaling.md, lesson 4: a floor for the baseline load and node failures, a ceiling at 2–3× the peak).</summary>
    public required ReplicaBounds Replicas { get; init; }

    /// <summary>Pod CPU request and memory limit.</summary>
    public required PodResources Pod { get; init; }

    /// <summary>Celery's soft and hard time limits, seconds.</summary>
    public required TimeLimits Limits { get; init; }

    /// <summary>When Celery replaces a child (docs/sources/async-queries.md).</summary>
    public required ChildRecycling Recycling { get; init; }

    /// <summary>What the queue's tasks are like: run times, peak arrivals, CPU.</summary>
    public required TaskProfile Tasks { get; init; }

    /// <summary>Longest a task should wait in the queue before a worker starts it (the wait alert's threshold).</summary>
    public required int WaitTargetSeconds { get; init; }

    /// <summary>Celery <c>--prefetch-multiplier</c>: messages each child reserves ahead.</summary>
    public required int PrefetchMultiplier { get; init; }

    /// <summary>How the pool's autoscaler moves.</summary>
    public required AutoscalerShape Autoscaler { get; init; }

    /// <summary>
    /// Tasks the stack routes to this queue by name (<c>queues.&lt;name&gt;.tasks</c>), moved from the
    /// queue the release's catalog gives them.
    /// </summary>
    public IReadOnlyList<string> RoutedTasks { get; init; } = [];

    /// <summary><c>queues.&lt;name&gt;.env</c>: environment variables on this pool's pods only.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>Where the pool's pods run (<c>queues.&lt;name&gt;.scheduling</c>), before the stack's default is merged under it.</summary>
    public PodPlacement Scheduling { get; init; } = PodPlacement.None;

    /// <summary>The node pool its pods are priced on (<c>queues.&lt;name&gt;.cost</c>).</summary>
    public PoolCost Cost { get; init; } = PoolCost.Default;

    /// <summary>Where the values the stack file does not set come from (the tier's queue, or the custom-queue profile), for errors.</summary>
    public string Origin { get; init; } = "";
}
