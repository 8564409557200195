namespace Superset.Configuration;

/// <summary>
/// The names the program itself sets, so a team's additions cannot silently undo a setting the plan
/// depends on: the module-level names the generated superset_config.py assigns (each with the typed
/// key that sets it), and the environment variables every Superset pod gets. Tests hold both lists to
/// what the generator writes (Python's own ast over the generated file) and to what the pods carry.
/// </summary>
public static class ProgramNames
{
    private const string Db = "database.* and dataServices (the metadata database and its connection budget)";
    private const string Celery = "queues.<name>.* (pools, routes, time limits) and the tier's Celery profile";
    private const string Caches = "the tier's cache timeouts and redis.cache (the cache Redis)";
    private const string Proxy = "the program (one ingress proxy hop; ingress.tlsSecretName sets the scheme)";
    private const string Cookies = "ingress.tlsSecretName (Secure cookies behind TLS)";
    private const string Reports = "reports.* (the pool's time limits bound every report)";
    private const string Auth = "superset:auth";

    /// <summary>Exact module-level names, each with the key to use instead.</summary>
    public static IReadOnlyDictionary<string, string> ConfigNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SECRET_KEY"] = "superset:secretKeySecret (or the generated key in the credentials Secret)",
        ["SQLALCHEMY_DATABASE_URI"] = Db,
        ["SQLALCHEMY_ENGINE_OPTIONS"] = "web.threads and web.dbPoolOverflow (the pools are the connection budget's)",
        ["BROKER_URL"] = "redis.broker",
        ["CACHE_REDIS_URL"] = "redis.cache",
        ["CELERY_RESULTS_URL"] = "redis.cache",
        ["CeleryConfig"] = Celery,
        ["CELERY_CONFIG"] = Celery,
        ["CACHE_CONFIG"] = Caches,
        ["DATA_CACHE_CONFIG"] = Caches,
        ["FILTER_STATE_CACHE_CONFIG"] = Caches,
        ["EXPLORE_FORM_DATA_CACHE_CONFIG"] = Caches,
        ["RESULTS_BACKEND"] = Caches,
        ["ENABLE_PROXY_FIX"] = Proxy,
        ["PROXY_FIX_CONFIG"] = Proxy,
        ["PREFERRED_URL_SCHEME"] = Cookies,
        ["SESSION_COOKIE_SECURE"] = Cookies,
        ["SESSION_COOKIE_HTTPONLY"] = Cookies,
        ["SESSION_COOKIE_SAMESITE"] = Cookies,
        ["FEATURE_FLAGS"] = "superset:featureFlags",
        ["WEBDRIVER_BASEURL"] = "the program (the web Service, for cache warm-up and report screenshots)",
        ["WEBDRIVER_BASEURL_USER_FRIENDLY"] = "ingress.host",
        ["WEBDRIVER_TYPE"] = "reports.enabled (Playwright's Chromium)",
        ["ALERT_REPORTS_WORKING_TIME_OUT_KILL"] = Reports,
        ["ALERT_REPORTS_DEFAULT_WORKING_TIMEOUT"] = Reports,
        ["ALERT_REPORTS_CRON_WINDOW_SIZE"] = Reports,
        ["ALERT_REPORTS_NOTIFICATION_DRY_RUN"] = Reports,
        ["SLACK_API_TOKEN"] = "reports.slack.enabled and the secret key slackToken",
        ["SUPERSET_WEBSERVER_TIMEOUT"] = "web.timeoutSeconds",
        ["SQLLAB_ASYNC_TIME_LIMIT_SEC"] = "queues.<name>.softTimeLimitSeconds of the pool sql_lab.get_sql_results runs on",
        ["CUSTOM_SECURITY_MANAGER"] = $"{Auth} (the generic OAuth provider's user info)",
        ["OAUTH_PROVIDERS"] = Auth,
    };

    /// <summary>Prefixes of module-level names the program owns as a family.</summary>
    public static IReadOnlyDictionary<string, string> ConfigPrefixes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AUTH_"] = Auth,
        ["GLOBAL_ASYNC_QUERIES_"] = "asyncQueries.* (and the generated JWT secret)",
        ["SMTP_"] = "reports.smtp.* and the secret key smtpPassword",
    };

    /// <summary>The key to use instead of assigning <paramref name="name"/>, or null when the program does not set it.</summary>
    public static string? OwnerOfConfigName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ConfigNames.TryGetValue(name, out var key) ? key
            : ConfigPrefixes.FirstOrDefault(p => name.StartsWith(p.Key, StringComparison.Ordinal)).Value;
    }

    /// <summary>
    /// Environment variables the program sets on a Superset pod (stacks/Artifacts/SupersetEnv.cs and the
    /// pod template), each with what sets it; and those Superset or its servers read that would bypass a
    /// typed key.
    /// </summary>
    public static IReadOnlyDictionary<string, string> EnvNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SUPERSET_PROCESS_ROLE"] = "the program (web, worker, beat or init: the SQLAlchemy pool)",
        ["SUPERSET_SECRET_KEY"] = "superset:secretKeySecret",
        ["SUPERSET_GAQ_JWT_SECRET"] = "the program (Pulumi.Random)",
        ["DATABASE_HOST"] = Db, ["DATABASE_PORT"] = Db, ["DATABASE_DB"] = Db, ["DATABASE_USER"] = Db,
        ["DATABASE_PASSWORD"] = "database.passwordSecret", ["DATABASE_SSLMODE"] = "database.sslMode", ["DATABASE_SSLROOTCERT"] = "database.sslRootCert",
        ["SMTP_PASSWORD"] = "the secret key smtpPassword",
        ["SLACK_API_TOKEN"] = "the secret key slackToken",
        ["LDAP_BIND_PASSWORD"] = "the secret key ldapBindPassword",
        ["ADMIN_PASSWORD"] = "the program (the adminPassword stack output)",
        ["SUPERSET_HOME"] = "the program (a writable emptyDir)",
        ["HOME"] = "the program (a writable emptyDir)",
        ["PYTHONPATH"] = "the program (where superset_config.py is mounted)",
        ["PYTHONDONTWRITEBYTECODE"] = "the program (a read-only root filesystem)",
        ["PLAYWRIGHT_BROWSERS_PATH"] = "reports.browsersPath",
        // apache/superset superset/config.py: CONFIG_PATH_ENV_VAR = "SUPERSET_CONFIG_PATH" loads another file instead.
        ["SUPERSET_CONFIG_PATH"] = "superset:configOverrides (it would load another file than the generated superset_config.py)",
        // gunicorn reads GUNICORN_CMD_ARGS as extra settings (gunicorn docs, "Settings").
        ["GUNICORN_CMD_ARGS"] = "web.* (the plan sizes gunicorn's processes, threads and timeouts)",
    };

    /// <summary>Prefixes of environment variables the program owns as a family.</summary>
    public static IReadOnlyDictionary<string, string> EnvPrefixes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["REDIS_BROKER_"] = "redis.broker",
        ["REDIS_CACHE_"] = "redis.cache",
        ["OAUTH_"] = "the secret keys oauth<Provider>ClientSecret",
        // apache/superset superset/config.py: DEFAULT_FEATURE_FLAGS.update from every SUPERSET_FEATURE_* variable.
        ["SUPERSET_FEATURE_"] = "superset:featureFlags (Superset reads SUPERSET_FEATURE_* as flags, past its checks)",
    };

    /// <summary>The key to use instead of setting environment variable <paramref name="name"/>, or null when the program does not own it.</summary>
    public static string? OwnerOfEnvName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return EnvNames.TryGetValue(name, out var key) ? key
            : EnvPrefixes.FirstOrDefault(p => name.StartsWith(p.Key, StringComparison.Ordinal)).Value;
    }
}
