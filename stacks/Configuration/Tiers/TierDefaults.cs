namespace Superset.Configuration.Tiers;

/// <summary>Everything a tier supplies: the value of every setting that config does not override.</summary>
public sealed record TierDefaults
{
    /// <summary>The tier.</summary>
    public required TierName Name { get; init; }

    /// <summary>The worker formula's inputs.</summary>
    public required SizingInputs Sizing { get; init; }

    /// <summary>The web tier.</summary>
    public required WebSettings Web { get; init; }

    /// <summary>The tier's queues, <c>default</c> first.</summary>
    public required IReadOnlyList<QueueSettings> Queues { get; init; }

    /// <summary>What a queue the stack adds starts from (its name set by the reader).</summary>
    public required QueueSettings CustomQueue { get; init; }

    /// <summary>The metadata database.</summary>
    public required DatabaseSettings Database { get; init; }

    /// <summary>The broker and cache Redis.</summary>
    public required RedisSettings Redis { get; init; }

    /// <summary>The Celery profile.</summary>
    public required CeleryProfile Celery { get; init; }

    /// <summary>Cache timeouts.</summary>
    public required CacheTimeouts Caches { get; init; }
}
