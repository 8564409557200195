namespace Superset.Configuration;

/// <summary>The two Redis roles. One instance per role: maxmemory-policy is per instance.</summary>
public sealed record RedisSettings(RedisRoleSettings Broker, RedisRoleSettings Cache)
{
    /// <summary>
    /// <c>redis.shared</c>: broker and cache are one existing instance (<c>dataServices: external</c>),
    /// declared so: it must then never evict, so the cache cannot evict either.
    /// </summary>
    public bool Shared { get; init; }
}

/// <summary>One Redis role's size.</summary>
/// <param name="MemoryMi">Container memory limit (in-cluster mode).</param>
/// <param name="NodeType">ElastiCache node type (AWS mode), e.g. <c>cache.t4g.medium</c>.</param>
/// <param name="ReservedMemoryPercent">Memory kept out of maxmemory for fork, buffers and fragmentation (ElastiCache default 25).</param>
public sealed record RedisRoleSettings(int MemoryMi, string NodeType, int ReservedMemoryPercent)
{
    /// <summary>The existing Redis of this role (<c>dataServices: external</c>); null otherwise.</summary>
    public RedisEndpoint? External { get; init; }
}

/// <summary>An existing Redis the team provides for one role.</summary>
/// <param name="Host">redis.&lt;role&gt;.host.</param>
/// <param name="Port">redis.&lt;role&gt;.port.</param>
/// <param name="Tls">redis.&lt;role&gt;.tls: rediss:// with the server's certificate verified.</param>
/// <param name="Db">redis.&lt;role&gt;.db: the broker's database, or the first of the cache's three (caches, Celery results, async-query events).</param>
public sealed record RedisEndpoint(string Host, int Port, bool Tls, int Db);
