namespace Superset.Artifacts;

/// <summary>
/// The environment contract between the pods and <c>superset_config.py</c>: connection details
/// arrive as environment variables (passwords through <c>secretKeyRef</c>), so the generated file
/// holds no secret and the same file serves every stack.
/// </summary>
public static class SupersetEnv
{
    /// <summary>Flask's SECRET_KEY (secret).</summary>
    public const string SecretKey = "SUPERSET_SECRET_KEY";
    public const string AsyncQueriesJwtSecret = "SUPERSET_GAQ_JWT_SECRET";

    /// <summary><c>web</c>, <c>worker</c>, <c>beat</c> or <c>init</c>: selects the SQLAlchemy pool size.</summary>
    public const string ProcessRole = "SUPERSET_PROCESS_ROLE";

    /// <summary>Metadata database host.</summary>
    public const string DatabaseHost = "DATABASE_HOST";

    /// <summary>Metadata database port.</summary>
    public const string DatabasePort = "DATABASE_PORT";

    /// <summary>Metadata database name.</summary>
    public const string DatabaseName = "DATABASE_DB";

    /// <summary>Metadata database user.</summary>
    public const string DatabaseUser = "DATABASE_USER";

    /// <summary>Metadata database password (secret).</summary>
    public const string DatabasePassword = "DATABASE_PASSWORD";

    /// <summary>libpq sslmode: <c>disable</c> in the cluster, <c>verify-full</c> on RDS.</summary>
    public const string DatabaseSslMode = "DATABASE_SSLMODE";

    /// <summary>The SMTP password of email reports (secret; present only when reports.smtp.user is set).</summary>
    public const string SmtpPassword = "SMTP_PASSWORD";

    /// <summary>Root CA bundle libpq verifies the database's certificate against (sslmode verify-full).</summary>
    public const string DatabaseSslRootCert = "DATABASE_SSLROOTCERT";

    /// <summary>
    /// Where docker/Dockerfile puts Amazon RDS's CA bundle (global-bundle.pem, AWS docs "Using SSL/TLS
    /// to encrypt a connection to a DB instance"): verify-full on RDS checks the server against it.
    /// </summary>
    public const string RdsCaBundlePath = "/app/rds-ca/global-bundle.pem";

    /// <summary>The variable names of one Redis role: host, port, password (secret), TLS flag.</summary>
    public static (string Host, string Port, string Password, string Tls) Redis(string role) =>
        ($"REDIS_{role.ToUpperInvariant()}_HOST", $"REDIS_{role.ToUpperInvariant()}_PORT",
         $"REDIS_{role.ToUpperInvariant()}_PASSWORD", $"REDIS_{role.ToUpperInvariant()}_TLS");

    /// <summary>The client secret of an OAuth provider (secret, from the secret key oauth&lt;Provider&gt;ClientSecret).</summary>
    public static string OAuthClientSecret(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return $"OAUTH_{provider.ToUpperInvariant()}_CLIENT_SECRET";
    }

    /// <summary>The LDAP bind password (secret, from the secret key ldapBindPassword).</summary>
    public const string LdapBindPassword = "LDAP_BIND_PASSWORD";

    /// <summary>The Slack bot token of reports (secret, from the secret key slackToken).</summary>
    public const string SlackApiToken = "SLACK_API_TOKEN";

    /// <summary>The first admin's password, on the init Job only (secret, Pulumi.Random).</summary>
    public const string AdminPassword = "ADMIN_PASSWORD";

    /// <summary>Where the generated file is mounted; the image puts /app/pythonpath on PYTHONPATH.</summary>
    public const string ConfigDirectory = "/app/pythonpath";

    /// <summary>The file name Superset imports.</summary>
    public const string ConfigFile = "superset_config.py";
}
