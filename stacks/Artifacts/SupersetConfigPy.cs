using System.Globalization;
using System.Text;
using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning;
using Superset.Planning.Sizing;
using Superset.Planning.Workloads.CeleryExporter;
using Superset.Planning.Workloads.Redis;
using Superset.Planning.Workloads.Web;

namespace Superset.Artifacts;

/// <summary>
/// Generates <c>superset_config.py</c> from the plan: the metadata database with a pool sized per
/// process role, Celery (queues, routes, acks, visibility timeout, events, beat schedule) on the
/// broker Redis, and Superset's caches and SQL Lab results on the cache Redis. No secret is in the
/// text; <see cref="SupersetEnv"/> names what the pods provide.
/// </summary>
public static class SupersetConfigPy
{
    /// <summary>The cache's database of Superset's caches (<see cref="RedisWorkload.CacheDb"/>).</summary>
    public const int CacheDb = RedisWorkload.CacheDb;

    /// <summary>The cache's database of Celery results (<see cref="RedisWorkload.CeleryResultsDb"/>).</summary>
    public const int CeleryResultsDb = RedisWorkload.CeleryResultsDb;

    /// <summary>The cache's database of async-query events (<see cref="RedisWorkload.AsyncQueriesDb"/>).</summary>
    public const int AsyncQueriesDb = RedisWorkload.AsyncQueriesDb;

    /// <summary>Superset's JWT check: GLOBAL_ASYNC_QUERIES_JWT_SECRET must be at least 32 bytes (superset/async_events).</summary>
    public const int MinJwtSecretBytes = 32;

    /// <summary>
    /// Superset gives <c>sql_lab.get_sql_results</c> its own limits, soft
    /// <c>SQLLAB_ASYNC_TIME_LIMIT_SEC</c> (default 6 hours) and hard that + 60 s (superset/sql_lab.py).
    /// Task limits override the worker's, so they are set from the default pool's.
    /// </summary>
    public const int SqlLabHardLimitLagSeconds = 60;

    /// <summary>A Python boolean literal.</summary>
    public static string PythonBool(bool value) => value ? "True" : "False";

    /// <summary>The Superset feature flags this stack turns on.</summary>
    public static IReadOnlySet<string> EnabledFlags(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        if (plan.AsyncQueries.Enabled)
        {
            flags.Add(SupersetReleases.GlobalAsyncQueries);
        }

        if (plan.Reports.Enabled)
        {
            flags.Add(SupersetReportsConfig.AlertReports);
            flags.Add(SupersetReportsConfig.PlaywrightFlag);
        }

        if (plan.Reports.Slack)
        {
            flags.Add(SupersetFeatureFlags.SlackV2);
        }

        return flags;
    }

    /// <summary>Celery's <c>imports</c>: the release's modules whose feature is on.</summary>
    public static IReadOnlyList<string> Imports(StackPlan plan) =>
        plan.Release.ImportsFor(EnabledFlags(plan));

    /// <summary>The file's text.</summary>
    public static string Generate(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var routes = TaskRouting.Routes(plan);
        var sqlLabPool = plan.Queues.Single(q => q.Name == routes.Single(r => r.Task == "sql_lab.get_sql_results").Queue);
        var sqlLabSoft = Math.Min(sqlLabPool.Limits.SoftSeconds, sqlLabPool.Limits.HardSeconds - SqlLabHardLimitLagSeconds);
        var cache = SupersetEnv.Redis("cache");

        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"# superset_config.py for tier {plan.Tier}, generated from the plan by the superset Pulumi program: do not edit.");
        b.AppendLine("# Secrets and hosts come from the environment (see stacks/Artifacts/SupersetEnv.cs).");
        b.AppendLine("import os");
        b.AppendLine("from urllib.parse import quote, urlencode");
        b.AppendLine();
        b.AppendLine("from celery.schedules import crontab");
        b.AppendLine("from kombu import Queue");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"SECRET_KEY = os.environ[\"{SupersetEnv.SecretKey}\"]");
        b.AppendLine(CultureInfo.InvariantCulture, $"_ROLE = os.environ.get(\"{SupersetEnv.ProcessRole}\", \"web\")");
        b.AppendLine();
        b.AppendLine("# Metadata database. Pool per process (stacks/Planning/Sizing/DataPlanner.cs, the connection budget):");
        b.AppendLine("# a web process serves `threads` requests at once; a Celery child runs one task.");
        // libpq's sslmode, and with verify-full the CA bundle it checks the server against (sslrootcert).
        b.AppendLine(CultureInfo.InvariantCulture, $"_DB_TLS = {{\"sslmode\": os.environ.get(\"{SupersetEnv.DatabaseSslMode}\", \"disable\")}}");
        b.AppendLine(CultureInfo.InvariantCulture, $"if os.environ.get(\"{SupersetEnv.DatabaseSslRootCert}\"):");
        b.AppendLine(CultureInfo.InvariantCulture, $"    _DB_TLS[\"sslrootcert\"] = os.environ[\"{SupersetEnv.DatabaseSslRootCert}\"]");
        b.AppendLine(CultureInfo.InvariantCulture,
            $"SQLALCHEMY_DATABASE_URI = \"postgresql+psycopg2://%s:%s@%s:%s/%s?%s\" % (quote(os.environ[\"{SupersetEnv.DatabaseUser}\"], safe=\"\"), quote(os.environ[\"{SupersetEnv.DatabasePassword}\"], safe=\"\"), os.environ[\"{SupersetEnv.DatabaseHost}\"], os.environ.get(\"{SupersetEnv.DatabasePort}\", \"5432\"), os.environ[\"{SupersetEnv.DatabaseName}\"], urlencode(_DB_TLS))");
        b.AppendLine("_POOLS = {");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"web\": ({plan.Web.DbPool.PoolSize}, {plan.Web.DbPool.MaxOverflow}),");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"worker\": (1, {Planner.WorkerChildDbConnections - 1}),");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"beat\": (1, {Planner.BeatDbConnections - 1}),");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"init\": (1, {Planner.InitDbConnections - 1}),");
        b.AppendLine("}");
        b.AppendLine("_POOL_SIZE, _MAX_OVERFLOW = _POOLS[_ROLE]");
        b.AppendLine("SQLALCHEMY_ENGINE_OPTIONS = {");
        b.AppendLine("    \"pool_size\": _POOL_SIZE,");
        b.AppendLine("    \"max_overflow\": _MAX_OVERFLOW,");
        b.AppendLine("    \"pool_pre_ping\": True,  # a failover or idle timeout must not surface as a user error");
        b.AppendLine("    \"pool_recycle\": 1800,");
        b.AppendLine("}");
        b.AppendLine();
        b.AppendLine("def _redis_url(role, db):");
        b.AppendLine("    env = role.upper()");
        b.AppendLine("    tls = os.environ.get(\"REDIS_%s_TLS\" % env, \"false\") == \"true\"");
        b.AppendLine("    password = quote(os.environ[\"REDIS_%s_PASSWORD\" % env], safe=\"\")");
        b.AppendLine("    host = os.environ[\"REDIS_%s_HOST\" % env]");
        b.AppendLine("    port = os.environ.get(\"REDIS_%s_PORT\" % env, \"6379\")");
        b.AppendLine("    scheme = \"rediss\" if tls else \"redis\"");
        b.AppendLine("    suffix = \"?ssl_cert_reqs=required\" if tls else \"\"");
        b.AppendLine("    return \"%s://:%s@%s:%s/%d%s\" % (scheme, password, host, port, db, suffix)");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"BROKER_URL = _redis_url(\"broker\", {plan.Broker.Db})");
        b.AppendLine(CultureInfo.InvariantCulture, $"CACHE_REDIS_URL = _redis_url(\"cache\", {plan.Cache.Db + CacheDb})");
        b.AppendLine(CultureInfo.InvariantCulture, $"CELERY_RESULTS_URL = _redis_url(\"cache\", {plan.Cache.Db + CeleryResultsDb})");
        b.AppendLine();
        AppendCelery(b, plan, routes);
        AppendCaches(b, cache, plan.Caches);
        AppendAsyncQueries(b, plan, cache);
        SupersetReportsConfig.Append(b, plan, routes);
        SupersetAuthConfig.Append(b, plan);
        b.AppendLine();
        b.AppendLine("# Limits that must agree with the deployment.");
        b.AppendLine(CultureInfo.InvariantCulture, $"SUPERSET_WEBSERVER_TIMEOUT = {plan.Web.TimeoutSeconds}  # gunicorn --timeout");
        b.AppendLine(CultureInfo.InvariantCulture,
            $"SQLLAB_ASYNC_TIME_LIMIT_SEC = {sqlLabSoft}  # get_sql_results: soft {sqlLabSoft} s, hard +{SqlLabHardLimitLagSeconds} s <= pool {sqlLabPool.Name} hard {sqlLabPool.Limits.HardSeconds} s");
        SupersetCustomConfig.AppendOverrides(b, plan);
        return b.ToString();
    }

    private static void AppendCelery(StringBuilder b, StackPlan plan, IReadOnlyList<TaskRoute> routes)
    {
        var maxHard = plan.Queues.Max(q => q.Limits.HardSeconds);
        b.AppendLine("class CeleryConfig:");
        b.AppendLine("    broker_url = BROKER_URL");
        var profile = plan.Celery.Profile;
        b.AppendLine(CultureInfo.InvariantCulture, $"    # Tier profile \"{profile.Name}\" (docs/sources/async-queries.md).");
        b.AppendLine("    # Results on the cache Redis: the broker holds only queued tasks, and never fills with results.");
        b.AppendLine("    result_backend = CELERY_RESULTS_URL");
        b.AppendLine(CultureInfo.InvariantCulture, $"    result_expires = {profile.ResultExpiresSeconds}");
        b.AppendLine("    task_track_started = True  # a long query shows STARTED, not PENDING (docs/sources/async-queries.md)");
        b.AppendLine(CultureInfo.InvariantCulture, $"    worker_disable_rate_limits = {(profile.DisableRateLimits ? "True" : "False")}");
        if (profile.Compression is { } compression)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"    task_compression = \"{compression}\"  # smaller messages in the broker during refresh storms");
        }

        b.AppendLine("    broker_connection_retry_on_startup = True");
        // The release's modules only (stacks/Catalog/SupersetReleases.cs): Celery imports every one
        // at worker and beat start and re-raises an ImportError, so one the release lacks stops them.
        b.AppendLine(CultureInfo.InvariantCulture, $"    imports = ({string.Concat(Imports(plan).Select(m => $"\"{m}\", "))})  # Superset {plan.Release.Version}");
        b.AppendLine("    # A message is acknowledged only after its task ran; a worker killed mid-task gives it back.");
        b.AppendLine("    task_acks_late = True");
        b.AppendLine("    task_reject_on_worker_lost = True");
        b.AppendLine("    worker_prefetch_multiplier = 1  # each pool sets its own with --prefetch-multiplier");
        b.AppendLine(CultureInfo.InvariantCulture,
            $"    # Longer than (prefetch + 1) x the hard time limit (longest {maxHard} s) plus preStop, or a task is delivered twice.");
        b.AppendLine(CultureInfo.InvariantCulture, $"    broker_transport_options = {{\"visibility_timeout\": {plan.Celery.VisibilityTimeoutSeconds}}}");
        b.AppendLine(CultureInfo.InvariantCulture, $"    result_backend_transport_options = {{\"visibility_timeout\": {plan.Celery.VisibilityTimeoutSeconds}}}");
        b.AppendLine("    # Events for celery-exporter: queue wait, runtime, failures.");
        b.AppendLine("    worker_send_task_events = True");
        b.AppendLine("    task_send_sent_event = True");
        // celery-exporter labels a task it did not see sent with the same name (CeleryExporterCommand.DefaultQueue).
        b.AppendLine(CultureInfo.InvariantCulture, $"    task_default_queue = \"{CeleryExporterCommand.DefaultQueue}\"");
        b.AppendLine("    task_create_missing_queues = False  # a route to an unknown queue is an error, not a silent new queue");
        b.AppendLine(CultureInfo.InvariantCulture, $"    task_queues = ({string.Concat(plan.Queues.Select(q => $"Queue(\"{q.Name}\"), "))})");
        b.AppendLine("    task_routes = {");
        foreach (var r in routes)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"        \"{r.Task}\": {{\"queue\": \"{r.Queue}\"}},{(r.Routed ? $"  # queues.{r.Queue}.tasks" : "")}");
        }

        b.AppendLine("    }");
        b.AppendLine("    beat_schedule = {");
        if (plan.Reports.Enabled)
        {
            // Superset's own defaults (apache/superset superset/config.py@5.0.0 CeleryConfig.beat_schedule):
            // the minute tick, with the week-long expiry Superset sets as a workaround for celery#6974,
            // and the daily log pruning. Without ALERT_REPORTS there is nothing to schedule.
            b.AppendLine("        \"reports.scheduler\": {\"task\": \"reports.scheduler\", \"schedule\": crontab(minute=\"*\", hour=\"*\"), \"options\": {\"expires\": 7 * 24 * 3600}},");
            b.AppendLine("        \"reports.prune_log\": {\"task\": \"reports.prune_log\", \"schedule\": crontab(minute=0, hour=0)},");
        }

        if (plan.AsyncQueries.WarmupDashboards > 0)
        {
            // Superset's cache warm-up (docs, "Caching": cache-warmup with a strategy) on the cache
            // pool, a minute before the data cache expires: the most viewed dashboards never go cold,
            // so their expiry never lands on users at once (docs/sources/async-queries.md, "Cache Stampede").
            var every = Math.Max(1, plan.Caches.DataSeconds / 60 - 1);
            b.AppendLine(CultureInfo.InvariantCulture,
                $"        \"cache-warmup\": {{\"task\": \"cache-warmup\", \"schedule\": crontab(minute=\"*/{every}\"), \"kwargs\": {{\"strategy_name\": \"top_n_dashboards\", \"top_n\": {plan.AsyncQueries.WarmupDashboards}, \"since\": \"7 days ago\"}}}},");
        }

        b.AppendLine("    }");
        b.AppendLine();
        b.AppendLine("CELERY_CONFIG = CeleryConfig");
        b.AppendLine();
    }

    private static void AppendAsyncQueries(StringBuilder b, StackPlan plan, (string Host, string Port, string Password, string Tls) cache)
    {
        var gaq = plan.AsyncQueries;
        var tls = plan.Ingress.Tls;
        var python = PythonBool;
        b.AppendLine();
        // Every request arrives through one proxy hop, the ingress controller, which terminates TLS and
        // sets X-Forwarded-For/-Proto/-Host/-Port. Superset applies werkzeug's ProxyFix only when
        // ENABLE_PROXY_FIX is on (apache/superset superset/config.py@5.0.0: ENABLE_PROXY_FIX = False,
        // PROXY_FIX_CONFIG one hop per header); without it every URL Superset builds is http://.
        b.AppendLine("# One proxy hop (the ingress controller): trust its X-Forwarded-* headers, so the URLs Superset builds");
        b.AppendLine("# carry the scheme and host users reach it by.");
        b.AppendLine("ENABLE_PROXY_FIX = True");
        b.AppendLine("PROXY_FIX_CONFIG = {\"x_for\": 1, \"x_proto\": 1, \"x_host\": 1, \"x_port\": 1, \"x_prefix\": 1}");
        b.AppendLine(CultureInfo.InvariantCulture, $"PREFERRED_URL_SCHEME = \"{(tls ? "https" : "http")}\"");
        b.AppendLine();
        b.AppendLine("# Behind TLS every cookie is Secure; plain HTTP is the dev stack on a laptop.");
        b.AppendLine(CultureInfo.InvariantCulture, $"SESSION_COOKIE_SECURE = {python(tls)}");
        b.AppendLine("SESSION_COOKIE_HTTPONLY = True");
        b.AppendLine("SESSION_COOKIE_SAMESITE = \"Lax\"");
        b.AppendLine();
        b.AppendLine("# Global async queries (docs/sources/async-queries.md): chart queries leave the web threads and run on Celery;");
        b.AppendLine("# the browser learns of results by polling (any ingress) or over Superset's websocket server.");
        b.AppendLine(SupersetCustomConfig.FeatureFlagsLine(plan));
        b.AppendLine(CultureInfo.InvariantCulture, $"GLOBAL_ASYNC_QUERIES_TRANSPORT = \"{gaq.Transport}\"");
        b.AppendLine(CultureInfo.InvariantCulture, $"GLOBAL_ASYNC_QUERIES_POLLING_DELAY = {gaq.PollingDelayMs}");
        b.AppendLine(CultureInfo.InvariantCulture, $"GLOBAL_ASYNC_QUERIES_WEBSOCKET_URL = \"{(tls ? "wss" : "ws")}://{plan.Ingress.Host}/ws/\"");
        b.AppendLine(CultureInfo.InvariantCulture, $"GLOBAL_ASYNC_QUERIES_JWT_SECRET = os.environ[\"{SupersetEnv.AsyncQueriesJwtSecret}\"]  # Pulumi.Random, 64 characters");
        b.AppendLine(CultureInfo.InvariantCulture, $"GLOBAL_ASYNC_QUERIES_JWT_COOKIE_SECURE = {python(tls)}");
        b.AppendLine("GLOBAL_ASYNC_QUERIES_JWT_COOKIE_SAMESITE = \"Lax\"");
        b.AppendLine("GLOBAL_ASYNC_QUERIES_CACHE_BACKEND = {");
        b.AppendLine("    \"CACHE_TYPE\": \"RedisCache\",");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"CACHE_REDIS_HOST\": os.environ[\"{cache.Host}\"],");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"CACHE_REDIS_PORT\": int(os.environ.get(\"{cache.Port}\", \"6379\")),");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"CACHE_REDIS_PASSWORD\": os.environ[\"{cache.Password}\"],");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"CACHE_REDIS_DB\": {plan.Cache.Db + AsyncQueriesDb},");
        b.AppendLine(CultureInfo.InvariantCulture, $"    \"CACHE_REDIS_SSL\": os.environ.get(\"{cache.Tls}\", \"false\") == \"true\",");
        b.AppendLine("    \"CACHE_DEFAULT_TIMEOUT\": 300,");
        b.AppendLine("}");
        b.AppendLine();
        b.AppendLine("# cache-warmup and report screenshots fetch Superset itself: through its Service, not the ingress.");
        b.AppendLine(CultureInfo.InvariantCulture, $"WEBDRIVER_BASEURL = \"http://{WebWorkload.Spec.Identity.ServiceName}.{plan.Namespace}.svc/\"");
        b.AppendLine(CultureInfo.InvariantCulture, $"WEBDRIVER_BASEURL_USER_FRIENDLY = \"{(tls ? "https" : "http")}://{plan.Ingress.Host}/\"");
    }

    private static void AppendCaches(StringBuilder b, (string Host, string Port, string Password, string Tls) cache, CacheTimeouts caches)
    {
        b.AppendLine("# Superset's caches and SQL Lab results: the cache Redis (allkeys-lru), never the broker.");
        b.AppendLine("def _cache(prefix, timeout):");
        b.AppendLine("    return {");
        b.AppendLine("        \"CACHE_TYPE\": \"RedisCache\",");
        b.AppendLine("        \"CACHE_REDIS_URL\": CACHE_REDIS_URL,");
        b.AppendLine("        \"CACHE_KEY_PREFIX\": prefix,");
        b.AppendLine("        \"CACHE_DEFAULT_TIMEOUT\": timeout,");
        b.AppendLine("    }");
        b.AppendLine();

        b.AppendLine("# Timeouts per kind of data (docs/sources/memory-pressure.md). Flask-Caching has no expiry jitter (the article's");
        b.AppendLine("# CACHE_JITTER_RATIO does not exist): kinds expire on different clocks, charts can set their own");
        b.AppendLine("# cache_timeout, and the cache-warmup schedule refreshes the busiest dashboards before expiry.");
        b.AppendLine(CultureInfo.InvariantCulture, $"CACHE_CONFIG = _cache(\"superset_metadata_\", {caches.MetadataSeconds})  # dashboards' and charts' metadata");
        b.AppendLine(CultureInfo.InvariantCulture, $"DATA_CACHE_CONFIG = _cache(\"superset_data_\", {caches.DataSeconds})  # chart query results");
        b.AppendLine("FILTER_STATE_CACHE_CONFIG = _cache(\"superset_filter_\", 86400 * 90)");
        b.AppendLine("EXPLORE_FORM_DATA_CACHE_CONFIG = _cache(\"superset_explore_\", 86400 * 7)");
        b.AppendLine();
        b.AppendLine("from cachelib.redis import RedisCache  # noqa: E402");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"RESULTS_BACKEND = RedisCache(host=os.environ[\"{cache.Host}\"], port=int(os.environ.get(\"{cache.Port}\", \"6379\")), password=os.environ[\"{cache.Password}\"], ssl=os.environ.get(\"{cache.Tls}\", \"false\") == \"true\", key_prefix=\"superset_results_\", default_timeout=86400)");
    }
}
