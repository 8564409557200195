namespace Superset.Planning.Workloads;

/// <summary>The keys of the credentials Secret every pod reads its passwords from.</summary>
public static class CredentialKeys
{
    /// <summary>Flask SECRET_KEY.</summary>
    public const string SecretKey = "secret-key";

    /// <summary>Metadata database password.</summary>
    public const string DatabasePassword = "database-password";

    /// <summary>Broker Redis password (AUTH token on ElastiCache).</summary>
    public const string BrokerPassword = "redis-broker-password";

    /// <summary>Cache Redis password.</summary>
    public const string CachePassword = "redis-cache-password";

    /// <summary>The first admin user's password.</summary>
    public const string AdminPassword = "admin-password";

    /// <summary>The JWT secret of global async queries.</summary>
    public const string AsyncQueriesJwtSecret = "async-queries-jwt-secret";

    /// <summary>Flower's basic-auth password.</summary>
    public const string FlowerPassword = "flower-password";

    /// <summary>The SMTP password of email reports, from the secret config key superset:smtpPassword.</summary>
    public const string SmtpPassword = "smtp-password";

    /// <summary>The client secret of an OAuth provider, from the secret config key oauth&lt;Provider&gt;ClientSecret.</summary>
    public static string OAuthClientSecret(string provider) => $"oauth-{provider}-client-secret";

    /// <summary>The LDAP bind password, from the secret config key ldapBindPassword.</summary>
    public const string LdapBindPassword = "ldap-bind-password";

    /// <summary>The Slack bot token of reports, from the secret config key slackToken.</summary>
    public const string SlackToken = "slack-token";

    /// <summary>The password key of a Redis role.</summary>
    public static string RedisPassword(string role) => role == "broker" ? BrokerPassword : CachePassword;
}
