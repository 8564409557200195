namespace Superset.Configuration.Tiers;

/// <summary>One tier as written in <see cref="TierCatalog"/>: its own values and its table of queues.</summary>
public sealed record TierTable
{
    /// <summary>The tier.</summary>
    public required TierName Name { get; init; }

    /// <summary>The worker formula's inputs.</summary>
    public required SizingInputs Sizing { get; init; }

    /// <summary>The web tier.</summary>
    public required WebSettings Web { get; init; }

    /// <summary>The Celery profile.</summary>
    public required CeleryProfile Celery { get; init; }

    /// <summary>Celery --max-tasks-per-child of every pool (the profile's recycling).</summary>
    public required int MaxTasksPerChild { get; init; }

    /// <summary>One row per queue, <c>default</c> first: adding a queue to the tier is a row.</summary>
    public required IReadOnlyList<TierQueue> Queues { get; init; }

    /// <summary>The metadata database.</summary>
    public required DatabaseSettings Database { get; init; }

    /// <summary>The broker and cache Redis.</summary>
    public required RedisSettings Redis { get; init; }

    /// <summary>Cache timeouts.</summary>
    public required CacheTimeouts Caches { get; init; }
}
