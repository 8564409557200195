using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads the existing PostgreSQL and Redis of <c>dataServices: external</c> and the passwords kept in
/// existing Secrets. With external data services every endpoint and password is required (nothing
/// can be derived), and so is <c>database.maxConnections</c>: the connection budget is checked
/// against it.
/// </summary>
internal static class ExternalDataReader
{
    public static (DatabaseSettings Database, RedisSettings Redis, CredentialSources Credentials) Read(IConfigSource source, StackSettings s, List<SettingsError> errors)
    {
        var external = s.DataServices == DataServicesMode.External;
        var db = ObjectReader.ForKey(source, DataKeys.Database, errors);
        var redis = ObjectReader.ForKey(source, DataKeys.Redis, errors);
        var credentials = new CredentialSources
        {
            SecretKey = CustomizationReader.SecretRefOf(ObjectReader.Root(source, CustomizationKeys.SecretKeySecret, errors), CustomizationKeys.SecretKeySecret, CustomizationKeys.SecretKeySecretFields, errors),
            DatabasePassword = CustomizationReader.SecretRefOf(db, ExternalDataKeys.DatabasePasswordSecret, ExternalDataKeys.DatabasePasswordSecretFields, errors),
            BrokerPassword = PasswordOf(redis.Child(DataKeys.Broker), ExternalDataKeys.BrokerKeys, errors),
            CachePassword = PasswordOf(redis.Child(DataKeys.Cache), ExternalDataKeys.CacheKeys, errors),
        };
        var database = s.Database with { External = external ? Database(db, errors) : null };
        if (external && s.Database.MaxConnections is null && !db.Has(DataKeys.MaxConnections))
        {
            errors.Add(new SettingsError(db.KeyOf(DataKeys.MaxConnections), "(missing)",
                "the existing PostgreSQL's max_connections (SHOW max_connections): the connection budget is checked against it, and nothing here can derive it"));
        }

        var broker = external ? Endpoint(redis.Child(DataKeys.Broker), ExternalDataKeys.BrokerKeys, errors) : null;
        var cache = external ? Endpoint(redis.Child(DataKeys.Cache), ExternalDataKeys.CacheKeys, errors) : null;
        var shared = redis.Bool(ExternalDataKeys.Shared, false);
        var result = s.Redis with { Broker = s.Redis.Broker with { External = broker }, Cache = s.Redis.Cache with { External = cache }, Shared = external && shared };
        if (external)
        {
            Require(db, ExternalDataKeys.DatabasePasswordSecret, credentials.DatabasePassword, "the Secret and key holding the database password: {name, key}", errors);
            Require(redis.Child(DataKeys.Broker), ExternalDataKeys.BrokerKeys[4], credentials.BrokerPassword, "the Secret and key holding the broker's password (AUTH): {name, key}", errors);
            Require(redis.Child(DataKeys.Cache), ExternalDataKeys.CacheKeys[4], credentials.CachePassword, "the Secret and key holding the cache's password (AUTH): {name, key}", errors);
            Overlap(redis, broker, cache, shared, errors);
        }

        return (database, result, credentials);
    }

    private static ExternalDatabase? Database(ObjectReader r, List<SettingsError> errors)
    {
        var host = r.NullableString(ExternalDataKeys.DatabaseHost);
        var sslMode = r.String(ExternalDataKeys.DatabaseSslMode, "verify-full");
        var rootCert = r.NullableString(ExternalDataKeys.DatabaseSslRootCert);
        if (host is null && !r.Has(ExternalDataKeys.DatabaseHost))
        {
            errors.Add(new SettingsError(r.KeyOf(ExternalDataKeys.DatabaseHost), "(missing)", "the existing PostgreSQL's host (dataServices is external)"));
        }

        if (sslMode is "verify-ca" or "verify-full" && rootCert is null && !r.Has(ExternalDataKeys.DatabaseSslRootCert))
        {
            errors.Add(new SettingsError(r.KeyOf(ExternalDataKeys.DatabaseSslRootCert), "(missing)",
                $"the CA bundle in the image that signs the server's certificate (sslMode {sslMode} checks it), or sslMode: require (encrypted, unverified)"));
        }

        return host is null ? null : new ExternalDatabase(host, r.Int(ExternalDataKeys.DatabasePort, ExternalDataKeys.PostgresPort),
            r.String(ExternalDataKeys.DatabaseName, "superset"), r.String(ExternalDataKeys.DatabaseUser, "superset"), sslMode, rootCert);
    }

    private static RedisEndpoint? Endpoint(ObjectReader r, IReadOnlyList<ConfigKey> keys, List<SettingsError> errors)
    {
        var host = r.NullableString(keys[0]);
        if (host is null && !r.Has(keys[0]))
        {
            errors.Add(new SettingsError(r.KeyOf(keys[0]), "(missing)", "the existing Redis's host (dataServices is external)"));
        }

        return host is null ? null : new RedisEndpoint(host, r.Int(keys[1], ExternalDataKeys.RedisPort), r.Bool(keys[2], true), r.Int(keys[3], 0));
    }

    private static SecretRef? PasswordOf(ObjectReader role, IReadOnlyList<ConfigKey> keys, List<SettingsError> errors) =>
        CustomizationReader.SecretRefOf(role, keys[4], keys.Skip(5).ToList(), errors);

    private static void Require(ObjectReader r, ConfigKey key, SecretRef? value, string what, List<SettingsError> errors)
    {
        if (value is null && !r.Has(key))
        {
            errors.Add(new SettingsError(r.KeyOf(key), "(missing)", what));
        }
    }

    /// <summary>Broker and cache on one instance: its eviction policy is one, and the databases must not collide.</summary>
    private static void Overlap(ObjectReader redis, RedisEndpoint? broker, RedisEndpoint? cache, bool shared, List<SettingsError> errors)
    {
        if (broker is null || cache is null || !string.Equals(broker.Host, cache.Host, StringComparison.OrdinalIgnoreCase) || broker.Port != cache.Port)
        {
            if (shared)
            {
                errors.Add(new SettingsError(redis.KeyOf(ExternalDataKeys.Shared), "true", "false: redis.broker and redis.cache name different instances"));
            }

            return;
        }

        if (!shared)
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:redis.cache.host", cache.Host,
                $"another instance than the broker's ({broker.Host}:{broker.Port}), or declare redis.shared: true: maxmemory-policy is per instance, and the broker must never evict (an evicted message is a lost task), so the cache on it could not evict either"));
        }
        else if (broker.Db >= cache.Db && broker.Db <= cache.Db + 2)
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:redis.broker.db", broker.Db.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a database outside the cache's {cache.Db}–{cache.Db + 2} (caches, Celery results, async-query events): on one instance they would share keys"));
        }
    }
}
