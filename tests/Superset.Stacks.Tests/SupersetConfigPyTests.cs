using System.Text.Json;
using Superset.Stacks.Generated;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The generated superset_config.py, executed by Debian's Python with real Celery, kombu and cachelib.</summary>
public sealed class SupersetConfigPyTests
{
    // Loads the file as Superset would (a module on the path), then asks Celery's own router where
    // each task goes and prints what the checks need as JSON.
    private const string Probe = """
        import json, sys
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
        }))
        """;

    private static JsonElement Load(string yaml, string role = "web")
    {
        var plan = PlannerTests.PlanOf(yaml);
        var dir = Directory.CreateTempSubdirectory("superset-config-");
        File.WriteAllText(Path.Combine(dir.FullName, SupersetEnv.ConfigFile), SupersetConfigPy.Generate(plan));
        File.WriteAllText(Path.Combine(dir.FullName, "probe.py"), Probe);
        var env = new Dictionary<string, string>
        {
            [SupersetEnv.SecretKey] = "k",
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
        var tasks = JsonSerializer.Serialize(SupersetTasks.All.Select(t => t.Name));
        var (code, stdout, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3-celery"), [Path.Combine(dir.FullName, "probe.py"), dir.FullName, tasks], env);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public void Celery_routes_every_superset_task_to_its_pool()
    {
        var c = Load("config:\n  superset:tier: medium\n");
        foreach (var task in SupersetTasks.All)
        {
            Assert.Equal(task.Queue, c.GetProperty("routes").GetProperty(task.Name).GetString());
        }

        Assert.Equal(["cache", "default", "exports", "reports"], c.GetProperty("queues").EnumerateArray().Select(q => q.GetString()!));
    }

    [Fact]
    public void A_disabled_pool_sends_its_tasks_to_default()
    {
        var c = Load("config:\n  superset:queues:\n    exports:\n      enabled: false\n");
        Assert.Equal("default", c.GetProperty("routes").GetProperty("cache_dashboard_screenshot").GetString());
        Assert.DoesNotContain("exports", c.GetProperty("queues").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public void Acks_late_prefetch_one_and_a_visibility_timeout_above_every_hard_limit()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:tier: large\n  superset:dataServices: aws\n");
        var c = Load("config:\n  superset:tier: large\n  superset:dataServices: aws\n");
        Assert.True(c.GetProperty("acks_late").GetBoolean());
        Assert.True(c.GetProperty("reject_on_worker_lost").GetBoolean());
        Assert.Equal(1, c.GetProperty("prefetch").GetInt32());
        Assert.Equal(plan.Celery.VisibilityTimeoutSeconds, c.GetProperty("visibility").GetInt32());
        Assert.True(c.GetProperty("visibility").GetInt32() > plan.Queues.Max(q => q.HardTimeLimitSeconds));
        // get_sql_results carries its own limits (soft, hard = soft + 60): they must fit the default pool's.
        var pool = plan.Queues.Single(q => q.Name == "default");
        Assert.True(c.GetProperty("sqllab").GetInt32() + SupersetConfigPy.SqlLabHardLimitLagSeconds <= pool.HardTimeLimitSeconds);
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
}
