using Superset.Catalog;

namespace Superset.Configuration.Keys;

/// <summary><c>superset:database</c> and <c>superset:redis</c>: the data services' sizes.</summary>
public static class DataKeys
{
    /// <summary>The database object.</summary>
    public static readonly ConfigKey Database = Define.Object("database", "The metadata PostgreSQL and its connection budget.");

    /// <summary><c>database.instanceClass</c>.</summary>
    public static readonly ConfigKey InstanceClass = new()
    {
        Path = "database.instanceClass", Kind = ValueKind.String, Check = c => RdsInstanceClasses.MemoryGiB(c) is not null,
        Description = "RDS instance class (dataServices aws).", Expected = $"an RDS instance class this plan can size: {RdsInstanceClasses.Known}",
        Setting = s => s.Database.InstanceClass,
        InertWhen = Applies.OnAws,
    };

    /// <summary><c>database.memoryMi</c>.</summary>
    public static readonly ConfigKey DatabaseMemoryMi = Define.Int("database.memoryMi", 256, 1_048_576, "PostgreSQL pod memory, MiB (dataServices inCluster).", s => s.Database.MemoryMi) with { InertWhen = Applies.InCluster };

    /// <summary><c>database.maxConnections</c>.</summary>
    public static readonly ConfigKey MaxConnections = Define.Int("database.maxConnections", 20, 262_143,
        "Explicit max_connections (else derived from the class or the pod's memory).", s => s.Database.MaxConnections) with { DefaultText = "derived" };

    /// <summary><c>database.budgetFraction</c>.</summary>
    public static readonly ConfigKey BudgetFraction = Define.Number("database.budgetFraction", 0.1m, 0.7m,
        "Share of max_connections Superset may use at full scale.", s => s.Database.BudgetFraction,
        " (the sizing article's pitfall 2: Superset may use at most 60–70 % of max_connections)");

    /// <summary><c>database.otherClients</c>.</summary>
    public static readonly ConfigKey OtherClients = Define.Int("database.otherClients", 0, 10_000,
        "Connections kept for exporters, migrations, an operator's psql.", s => s.Database.OtherClients);

    /// <summary>The redis object.</summary>
    public static readonly ConfigKey Redis = Define.Object("redis", "The two Redis: broker (never evicts) and cache (evicts).");

    /// <summary><c>redis.broker</c>.</summary>
    public static readonly ConfigKey Broker = Define.Object("redis.broker", "The broker Redis (noeviction).");

    /// <summary><c>redis.cache</c>.</summary>
    public static readonly ConfigKey Cache = Define.Object("redis.cache", "The cache Redis (allkeys-lru).");

    /// <summary>The keys of each Redis role.</summary>
    public static readonly IReadOnlyList<ConfigKey> BrokerKeys = Role("broker", s => s.Redis.Broker);

    /// <summary>The keys of the cache role.</summary>
    public static readonly IReadOnlyList<ConfigKey> CacheKeys = Role("cache", s => s.Redis.Cache);

    private static IReadOnlyList<ConfigKey> Role(string role, Func<StackSettings, RedisRoleSettings> of) =>
    [
        Define.Int($"redis.{role}.memoryMi", 64, 1_048_576, $"Container memory of the {role} Redis, MiB (dataServices inCluster).", s => of(s).MemoryMi)
            with { InertWhen = Applies.InCluster },
        new ConfigKey
        {
            Path = $"redis.{role}.nodeType", Kind = ValueKind.String, Check = t => ElastiCacheNodeTypes.MaxMemoryGiB(t) is not null,
            Description = $"ElastiCache node type of the {role} (dataServices aws).", Expected = $"an ElastiCache node type this plan can size: {ElastiCacheNodeTypes.Known}",
            Setting = s => of(s).NodeType, InertWhen = Applies.OnAws,
        },
        Define.Int($"redis.{role}.reservedMemoryPercent", 10, 75, "Memory kept out of maxmemory for forks and buffers, percent.",
            s => of(s).ReservedMemoryPercent, " (memory kept from maxmemory for forks and buffers; ElastiCache recommends 25)"),
    ];
}
