using Superset.Configuration;

namespace Superset.Planning;

/// <summary>One Redis role.</summary>
/// <param name="Role">Broker or cache.</param>
/// <param name="MaxMemoryBytes">Redis maxmemory.</param>
/// <param name="MemoryMi">Container memory (in-cluster), else null.</param>
/// <param name="NodeType">ElastiCache node type (AWS), else null.</param>
/// <param name="ReservedMemoryPercent">Memory kept out of maxmemory.</param>
/// <param name="NodesPerGroup">ElastiCache nodes of the replication group (AWS: a primary, plus a replica in another zone with Multi-AZ), else null.</param>
public sealed record RedisPlan(RedisRole Role, long MaxMemoryBytes, int? MemoryMi, string? NodeType, int ReservedMemoryPercent, int? NodesPerGroup)
{
    /// <summary>The role's name in object names, labels and config keys: <c>broker</c> or <c>cache</c>.</summary>
    public string Name => Role == RedisRole.Broker ? "broker" : "cache";

    /// <summary>
    /// <c>noeviction</c> for the broker (an evicted binding key gives kombu's InconsistencyError, a
    /// lost message a lost task), <c>allkeys-lru</c> for the cache.
    /// </summary>
    public string MaxMemoryPolicy => Role == RedisRole.Broker ? "noeviction" : "allkeys-lru";

    /// <summary>Whether its data must survive a restart: the broker's queued tasks must, the cache's need not.</summary>
    public bool Persistent => Role == RedisRole.Broker;

    /// <summary>The team's existing Redis of this role (<c>dataServices: external</c>), else null.</summary>
    public RedisEndpoint? External { get; init; }

    /// <summary>Broker and cache are one existing instance (<c>redis.shared</c>): noeviction, so the cache cannot evict.</summary>
    public bool Shared { get; init; }

    /// <summary>The database of this role: the broker's, or the first of the cache's three.</summary>
    public int Db => External?.Db ?? 0;
}
