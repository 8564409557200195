namespace Superset.Configuration.Tiers;

/// <summary>Everything a tier supplies: the value of every setting that config does not override.</summary>
public sealed record TierDefaults(
    TierName Name,
    SizingInputs Sizing,
    WebSettings Web,
    IReadOnlyList<QueueSettings> Queues,
    DatabaseSettings Database,
    RedisSettings Redis,
    CeleryProfile Celery,
    CacheTimeouts Caches);
