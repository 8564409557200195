namespace Superset.Configuration.Tiers;

/// <summary>What a queue is, whatever the tier: its pods, limits and tasks (<see cref="QueueProfiles"/>).</summary>
public sealed record QueueProfile
{
    /// <summary>The queue's name.</summary>
    public required string Name { get; init; }

    /// <summary>Pod CPU request and memory limit.</summary>
    public required PodResources Pod { get; init; }

    /// <summary>Celery's time limits.</summary>
    public required TimeLimits Limits { get; init; }

    /// <summary>Celery --max-memory-per-child, MiB.</summary>
    public required int MaxMemoryPerChildMi { get; init; }

    /// <summary>Mean and p95 run times and the CPU a running task keeps busy (the peak comes from the tier).</summary>
    public required TaskProfile Tasks { get; init; }

    /// <summary>Longest a task should wait in the queue.</summary>
    public required int WaitTargetSeconds { get; init; }

    /// <summary>Whether the queue takes the tier profile's interactive prefetch (short tasks) or 1 (long ones).</summary>
    public required bool InteractivePrefetch { get; init; }
}
