using System.Text.Json;
using Superset.Artifacts;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The generated superset_config.py, executed by Debian's Python with real Celery, kombu and cachelib.</summary>
public sealed class SupersetConfigPyTests
{
    // Loads the file as Superset would (a module on the path), then asks Celery's own router where
    // each task goes and prints what the checks need as JSON.
    private const string Probe = """
        import json, os, sys
        sys.path.insert(0, sys.argv[1])
        import superset_config as c
        from celery import Celery
        app = Celery("probe")
        app.config_from_object(c.CELERY_CONFIG)
        tasks = json.loads(sys.argv[2])
        routes = {t: app.amqp.router.route({}, t)["queue"].name for t in tasks}
        print(json.dumps({
            "routes": routes,
            "queues": sorted(q.name for q in app.conf.task_queues),
            "acks_late": app.conf.task_acks_late,
            "reject_on_worker_lost": app.conf.task_reject_on_worker_lost,
            "prefetch": app.conf.worker_prefetch_multiplier,
            "visibility": app.conf.broker_transport_options["visibility_timeout"],
            "broker": app.conf.broker_url,
            "engine": c.SQLALCHEMY_ENGINE_OPTIONS,
            "db": c.SQLALCHEMY_DATABASE_URI,
            "results_prefix": c.RESULTS_BACKEND.key_prefix,
            "data_cache": c.DATA_CACHE_CONFIG["CACHE_REDIS_URL"],
            "sqllab": c.SQLLAB_ASYNC_TIME_LIMIT_SEC,
            "result_backend": app.conf.result_backend,
            "result_expires": app.conf.result_expires,
            "compression": app.conf.task_compression,
            "rate_limits_off": app.conf.worker_disable_rate_limits,
            "gaq": {k: getattr(c, k) for k in dir(c) if k.startswith("GLOBAL_ASYNC_QUERIES_")},
            "flags": c.FEATURE_FLAGS,
            "cache_timeouts": [c.CACHE_CONFIG["CACHE_DEFAULT_TIMEOUT"], c.DATA_CACHE_CONFIG["CACHE_DEFAULT_TIMEOUT"]],
            "beat": sorted(app.conf.beat_schedule),
            "cookie_secure": c.SESSION_COOKIE_SECURE,
            "imports": list(app.conf.imports),
            "default_queue": app.conf.task_default_queue,
            "proxy_fix": c.ENABLE_PROXY_FIX,
            "proxy_fix_config": c.PROXY_FIX_CONFIG,
            "url_scheme": c.PREFERRED_URL_SCHEME,
            "reports": {k: getattr(c, k) for k in dir(c) if k.startswith(("ALERT_REPORTS_", "SMTP_", "WEBDRIVER_"))},
            "browsers": os.environ.get("PLAYWRIGHT_BROWSERS_PATH"),
        }))
        """;

    internal static JsonElement Load(string yaml, string role = "web", IReadOnlyDictionary<string, string>? extraEnv = null)
    {
        var plan = PlannerTests.PlanOf(yaml);
        var dir = Directory.CreateTempSubdirectory("superset-config-");
        File.WriteAllText(Path.Combine(dir.FullName, SupersetEnv.ConfigFile), SupersetConfigPy.Generate(plan));
        File.WriteAllText(Path.Combine(dir.FullName, "probe.py"), Probe);
        var env = new Dictionary<string, string>
        {
            [SupersetEnv.SecretKey] = "k",
            [SupersetEnv.AsyncQueriesJwtSecret] = new string('j', 64),
            [SupersetEnv.ProcessRole] = role,
            [SupersetEnv.DatabaseHost] = "postgres",
            [SupersetEnv.DatabaseName] = "superset",
            [SupersetEnv.DatabaseUser] = "superset",
            [SupersetEnv.DatabasePassword] = "p@ss/word",
            ["REDIS_BROKER_HOST"] = "broker",
            ["REDIS_BROKER_PASSWORD"] = "b",
            ["REDIS_CACHE_HOST"] = "cache",
            ["REDIS_CACHE_PASSWORD"] = "c",
            ["REDIS_CACHE_TLS"] = "true",
        };
        foreach (var (k, v) in extraEnv ?? new Dictionary<string, string>())
        {
            env[k] = v;
        }

        var tasks = JsonSerializer.Serialize(plan.Release.Tasks.Select(t => t.Name));
        var (code, stdout, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3-celery"), [Path.Combine(dir.FullName, "probe.py"), dir.FullName, tasks], env);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public void Celery_routes_every_superset_task_to_its_pool()
    {
        var c = Load("config:\n  superset:tier: medium\n");
        foreach (var task in PlannerTests.PlanOf("config:\n  superset:tier: medium\n").Release.Tasks)
        {
            Assert.Equal(task.Queue, c.GetProperty("routes").GetProperty(task.Name).GetString());
        }

        Assert.Equal(["cache", "default", "exports", "reports"], c.GetProperty("queues").EnumerateArray().Select(q => q.GetString()!));
    }

    [Fact]
    public void A_disabled_pool_s_tasks_go_where_the_stack_routes_them()
    {
        var c = Load("config:\n  superset:queues:\n    exports:\n      enabled: false\n    default:\n      tasks: [cache_chart_thumbnail, cache_dashboard_thumbnail, cache_dashboard_screenshot]\n");
        Assert.Equal("default", c.GetProperty("routes").GetProperty("cache_dashboard_screenshot").GetString());
        Assert.DoesNotContain("exports", c.GetProperty("queues").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public void Acks_late_and_a_visibility_timeout_above_every_reserved_task_s_wait()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:tier: large\n  superset:dataServices: aws\n");
        var c = Load("config:\n  superset:tier: large\n  superset:dataServices: aws\n");
        Assert.True(c.GetProperty("acks_late").GetBoolean());
        Assert.True(c.GetProperty("reject_on_worker_lost").GetBoolean());
        Assert.Equal(1, c.GetProperty("prefetch").GetInt32()); // the default; each pool sets its own on its command line
        Assert.Equal(plan.Celery.VisibilityTimeoutSeconds, c.GetProperty("visibility").GetInt32());
        // A reserved message waits behind up to `prefetch` tasks of its child, each up to the hard limit.
        Assert.All(plan.Queues, q => Assert.True(c.GetProperty("visibility").GetInt32() > (q.PrefetchMultiplier + 1) * q.Limits.HardSeconds));
        // get_sql_results carries its own limits (soft, hard = soft + 60): they must fit the default pool's.
        var pool = plan.Queues.Single(q => q.Name == "default");
        Assert.True(c.GetProperty("sqllab").GetInt32() + SupersetConfigPy.SqlLabHardLimitLagSeconds <= pool.Limits.HardSeconds);
    }

    [Fact]
    public void Broker_and_caches_are_separate_redis_and_secrets_come_from_the_environment()
    {
        var c = Load("config:\n  superset:tier: small\n");
        Assert.Equal("redis://:b@broker:6379/0", c.GetProperty("broker").GetString());
        Assert.StartsWith("rediss://:c@cache:6379/0", c.GetProperty("data_cache").GetString(), StringComparison.Ordinal);
        Assert.Equal("superset_results_", c.GetProperty("results_prefix").GetString());
        // The password is URL-quoted, so '@' and '/' in a generated password cannot break the URI.
        Assert.Contains("superset:p%40ss%2Fword@postgres:5432/superset", c.GetProperty("db").GetString(), StringComparison.Ordinal);

        var text = SupersetConfigPy.Generate(PlannerTests.PlanOf("config:\n  superset:tier: small\n"));
        Assert.DoesNotContain("p@ss", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web", 8, 2)]   // medium: pool = threads, overflow from the tier
    [InlineData("worker", 1, 1)]
    public void Each_process_role_gets_the_pool_the_connection_budget_counted(string role, int size, int overflow)
    {
        var c = Load("config:\n  superset:tier: medium\n", role);
        Assert.Equal(size, c.GetProperty("engine").GetProperty("pool_size").GetInt32());
        Assert.Equal(overflow, c.GetProperty("engine").GetProperty("max_overflow").GetInt32());
    }

    [Theory]
    [InlineData("small", "minimal", 4, 86400, false, null)]
    [InlineData("medium", "enterprise", 1, 3600, false, null)]
    [InlineData("large", "high-throughput", 8, 1800, true, "gzip")]
    public void Each_tier_runs_its_seed_001_celery_profile(string tier, string profile, int interactivePrefetch, int expires, bool rateLimitsOff, string? compression)
    {
        var yaml = $"config:\n  superset:tier: {tier}\n  superset:dataServices: aws\n";
        var plan = PlannerTests.PlanOf(yaml);
        var c = Load(yaml);

        Assert.Equal(profile, plan.Celery.Profile.Name);
        Assert.Equal(interactivePrefetch, plan.Celery.Profile.InteractivePrefetch);
        // The tiers' default pool fetches one message per child (docs/decisions/0006-autoscaling-across-days.md).
        Assert.Equal(1, plan.Queues.Single(q => q.Name == "default").PrefetchMultiplier);
        Assert.Equal(1, plan.Queues.Single(q => q.Name == "exports").PrefetchMultiplier); // long tasks: one at a time
        Assert.Contains("--prefetch-multiplier=1", CeleryCommands.Worker(plan.Queues.Single(q => q.Name == "default")));
        Assert.Equal(expires, c.GetProperty("result_expires").GetInt32());
        Assert.Equal(rateLimitsOff, c.GetProperty("rate_limits_off").GetBoolean());
        Assert.Equal(compression, c.GetProperty("compression").ValueKind == JsonValueKind.Null ? null : c.GetProperty("compression").GetString());
    }

    [Fact]
    public void A_queue_can_override_its_prefetch()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:tier: large\n  superset:dataServices: aws\n  superset:queues:\n    default:\n      prefetchMultiplier: 2\n");
        Assert.Equal(2, plan.Queues.Single(q => q.Name == "default").PrefetchMultiplier);
        Assert.Equal(1, plan.Queues.Single(q => q.Name == "cache").PrefetchMultiplier);
    }

    [Fact]
    public void The_broker_holds_only_the_broker_results_and_async_events_go_to_the_cache_redis()
    {
        var c = Load("config:\n  superset:tier: small\n");

        Assert.Equal("rediss://:c@cache:6379/1?ssl_cert_reqs=required", c.GetProperty("result_backend").GetString());
        Assert.DoesNotContain("broker", c.GetProperty("result_backend").GetString()!, StringComparison.Ordinal);
        var gaq = c.GetProperty("gaq").GetProperty("GLOBAL_ASYNC_QUERIES_CACHE_BACKEND");
        Assert.Equal("cache", gaq.GetProperty("CACHE_REDIS_HOST").GetString());
        Assert.Equal(SupersetConfigPy.AsyncQueriesDb, gaq.GetProperty("CACHE_REDIS_DB").GetInt32());
        Assert.True(gaq.GetProperty("CACHE_REDIS_SSL").GetBoolean());
    }

    [Fact]
    public void Async_queries_are_on_with_polling_a_long_secret_and_secure_cookies_behind_tls()
    {
        var plain = Load("config:\n  superset:tier: small\n");
        var tls = Load("config:\n  superset:ingress:\n    host: bi.example.com\n    tlsSecretName: bi-tls\n");

        Assert.True(plain.GetProperty("flags").GetProperty("GLOBAL_ASYNC_QUERIES").GetBoolean());
        Assert.Equal("polling", plain.GetProperty("gaq").GetProperty("GLOBAL_ASYNC_QUERIES_TRANSPORT").GetString());
        Assert.True(plain.GetProperty("gaq").GetProperty("GLOBAL_ASYNC_QUERIES_JWT_SECRET").GetString()!.Length >= SupersetConfigPy.MinJwtSecretBytes);
        Assert.False(plain.GetProperty("cookie_secure").GetBoolean());
        Assert.True(tls.GetProperty("cookie_secure").GetBoolean());
        Assert.True(tls.GetProperty("gaq").GetProperty("GLOBAL_ASYNC_QUERIES_JWT_COOKIE_SECURE").GetBoolean());
        Assert.Equal("wss://bi.example.com/ws/", tls.GetProperty("gaq").GetProperty("GLOBAL_ASYNC_QUERIES_WEBSOCKET_URL").GetString());
    }

    [Fact]
    public void Cache_timeouts_follow_seed_003_and_the_busiest_dashboards_are_warmed_before_they_expire()
    {
        var small = Load("config:\n  superset:tier: small\n");
        var medium = Load("config:\n  superset:tier: medium\n");
        var off = Load("config:\n  superset:asyncQueries:\n    warmupDashboards: 0\n");

        Assert.Equal([3600, 600], small.GetProperty("cache_timeouts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([600, 300], medium.GetProperty("cache_timeouts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains("cache-warmup", medium.GetProperty("beat").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("cache-warmup", off.GetProperty("beat").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("crontab(minute=\"*/4\")", SupersetConfigPy.Generate(PlannerTests.PlanOf("config:\n  superset:tier: medium\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_compiles_and_defines_every_key_superset_reads()
    {
        var dir = Directory.CreateTempSubdirectory("superset-config-ast-");
        var path = Path.Combine(dir.FullName, SupersetEnv.ConfigFile);
        File.WriteAllText(path, SupersetConfigPy.Generate(PlannerTests.PlanOf("config:\n  superset:tier: large\n  superset:dataServices: aws\n")));
        const string script = """
            import ast, json, py_compile, sys
            py_compile.compile(sys.argv[1], doraise=True)
            tree = ast.parse(open(sys.argv[1]).read())
            print(json.dumps(sorted(t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name))))
            """;
        File.WriteAllText(Path.Combine(dir.FullName, "ast_probe.py"), script);

        var (code, stdout, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3"), [Path.Combine(dir.FullName, "ast_probe.py"), path]);

        Assert.True(code == 0, stderr);
        var names = JsonSerializer.Deserialize<string[]>(stdout)!;
        foreach (var key in new[] { "SQLALCHEMY_DATABASE_URI", "CELERY_CONFIG", "CACHE_CONFIG", "DATA_CACHE_CONFIG", "RESULTS_BACKEND", "FEATURE_FLAGS",
            "GLOBAL_ASYNC_QUERIES_TRANSPORT", "GLOBAL_ASYNC_QUERIES_JWT_SECRET", "GLOBAL_ASYNC_QUERIES_CACHE_BACKEND", "SQLLAB_ASYNC_TIME_LIMIT_SEC", "WEBDRIVER_BASEURL" })
        {
            Assert.Contains(key, names);
        }
    }
}
