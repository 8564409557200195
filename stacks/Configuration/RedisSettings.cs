namespace Superset.Configuration;

/// <summary>The two Redis roles. One instance per role: maxmemory-policy is per instance.</summary>
public sealed record RedisSettings(RedisRoleSettings Broker, RedisRoleSettings Cache);

/// <summary>One Redis role's size.</summary>
/// <param name="MemoryMi">Container memory limit (in-cluster mode).</param>
/// <param name="NodeType">ElastiCache node type (AWS mode), e.g. <c>cache.t4g.medium</c>.</param>
/// <param name="ReservedMemoryPercent">Memory kept out of maxmemory for fork, buffers and fragmentation (ElastiCache default 25).</param>
public sealed record RedisRoleSettings(int MemoryMi, string NodeType, int ReservedMemoryPercent);
