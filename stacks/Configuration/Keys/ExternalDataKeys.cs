namespace Superset.Configuration.Keys;

/// <summary>
/// The existing PostgreSQL and Redis of <c>dataServices: external</c>, and credentials from existing
/// Secrets (<c>database.passwordSecret</c>, <c>redis.&lt;role&gt;.passwordSecret</c>).
/// </summary>
public static class ExternalDataKeys
{
    /// <summary>Default PostgreSQL port.</summary>
    public const int PostgresPort = 5432;

    /// <summary>Default Redis port.</summary>
    public const int RedisPort = 6379;

    /// <summary>
    /// Redis' default number of databases (redis.conf <c>databases 16</c>): the cache uses db, db + 1
    /// and db + 2, so its first is at most 13.
    /// </summary>
    public const int RedisDatabases = 16;

    /// <summary><c>database.host</c>.</summary>
    public static readonly ConfigKey DatabaseHost = Define.Text("database.host", Patterns.HostName, "The existing PostgreSQL's host (dataServices external).",
        "a host name, e.g. pg.example.internal", s => s.Database.External?.Host) with { MaxLength = 253, DefaultText = "none (required with dataServices external)", InertWhen = Applies.External };

    /// <summary><c>database.port</c>.</summary>
    public static readonly ConfigKey DatabasePort = Define.Int("database.port", 1, 65_535, "Its port.", s => s.Database.External?.Port)
        with { DefaultText = "5432", InertWhen = Applies.External };

    /// <summary><c>database.name</c>.</summary>
    public static readonly ConfigKey DatabaseName = Define.Text("database.name", Patterns.PostgresName, "The database Superset owns on it.",
        "a PostgreSQL database name", s => s.Database.External?.Name) with { MaxLength = 63, DefaultText = "superset", InertWhen = Applies.External };

    /// <summary><c>database.user</c>.</summary>
    public static readonly ConfigKey DatabaseUser = Define.Text("database.user", Patterns.PostgresName, "The role Superset connects as (owner of the database: migrations create tables).",
        "a PostgreSQL role name", s => s.Database.External?.User) with { MaxLength = 63, DefaultText = "superset", InertWhen = Applies.External };

    /// <summary><c>database.sslMode</c>.</summary>
    public static readonly ConfigKey DatabaseSslMode = Define.Choice("database.sslMode", ["disable", "require", "verify-ca", "verify-full"],
        "libpq sslmode; verify-ca and verify-full check the server against database.sslRootCert.",
        "a libpq sslmode: disable, require, verify-ca or verify-full", s => s.Database.External?.SslMode) with { DefaultText = "verify-full", InertWhen = Applies.External };

    /// <summary><c>database.sslRootCert</c>.</summary>
    public static readonly ConfigKey DatabaseSslRootCert = Define.Text("database.sslRootCert", Patterns.AbsolutePath,
        "libpq sslrootcert: the CA bundle in the image (docker/Dockerfile puts RDS's at /app/rds-ca/global-bundle.pem).",
        "an absolute path in the image", s => s.Database.External?.SslRootCert) with { MaxLength = 1024, DefaultText = "none (required with verify-ca and verify-full)", InertWhen = Applies.External };

    /// <summary><c>database.passwordSecret</c>.</summary>
    public static readonly ConfigKey DatabasePasswordSecret = Define.Object("database.passwordSecret",
        "The database password from a key of an existing Secret (required with dataServices external; not with aws: RDS takes its password from Pulumi).") with { InertWhen = Applies.NotOnAws };

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> DatabasePasswordSecretFields = CustomizationKeys.SecretRefFields("database.passwordSecret");

    /// <summary><c>redis.shared</c>.</summary>
    public static readonly ConfigKey Shared = Define.Bool("redis.shared",
        "Broker and cache are one existing instance: it must be noeviction, so the cache cannot evict (dataServices external).", s => s.Redis.Shared)
        with { DefaultText = "false", InertWhen = Applies.External };

    /// <summary>The endpoint and password keys of the broker.</summary>
    public static readonly IReadOnlyList<ConfigKey> BrokerKeys = Role("broker", s => s.Redis.Broker);

    /// <summary>The endpoint and password keys of the cache.</summary>
    public static readonly IReadOnlyList<ConfigKey> CacheKeys = Role("cache", s => s.Redis.Cache);

    private static IReadOnlyList<ConfigKey> Role(string role, Func<StackSettings, RedisRoleSettings> of) =>
    [
        Define.Text($"redis.{role}.host", Patterns.HostName, $"The existing {role} Redis's host (dataServices external).", "a host name, e.g. redis.example.internal",
            s => of(s).External?.Host) with { MaxLength = 253, DefaultText = "none (required with dataServices external)", InertWhen = Applies.External },
        Define.Int($"redis.{role}.port", 1, 65_535, "Its port.", s => of(s).External?.Port) with { DefaultText = "6379", InertWhen = Applies.External },
        Define.Bool($"redis.{role}.tls", "rediss:// with the server's certificate verified.", s => of(s).External?.Tls) with { DefaultText = "true", InertWhen = Applies.External },
        Define.Int($"redis.{role}.db", 0, role == "cache" ? RedisDatabases - 3 : RedisDatabases - 1,
            role == "cache" ? "The first of the cache's three databases (caches, Celery results, async-query events: db, db + 1, db + 2)." : "The broker's database.",
            s => of(s).External?.Db, role == "cache" ? " (the cache uses db, db + 1 and db + 2 of Redis' 16)" : " (Redis has 16 databases by default)")
            with { DefaultText = "0", InertWhen = Applies.External },
        Define.Object($"redis.{role}.passwordSecret", $"The {role} Redis's password from a key of an existing Secret (required with dataServices external; not with aws).") with { InertWhen = Applies.NotOnAws },
        .. CustomizationKeys.SecretRefFields($"redis.{role}.passwordSecret"),
    ];
}
