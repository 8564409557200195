namespace Superset.Planning;

/// <summary>
/// What a Redis instance is for. One instance per role: maxmemory-policy is per instance, so a
/// broker (must never evict) and a cache (should evict) cannot share one (docs/sources/async-queries.md, "what it gets wrong").
/// </summary>
public enum RedisRole
{
    /// <summary>Celery's broker: <c>noeviction</c> (an evicted message is a lost task), persistent.</summary>
    Broker,

    /// <summary>Caches, Celery results, async-query events: <c>allkeys-lru</c>, disposable.</summary>
    Cache,
}
