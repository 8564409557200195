using Superset.Artifacts;
using Superset.Configuration;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>superset:configOverrides, superset:featureFlags, superset:env and superset:secretEnv: what is accepted lands in the file and the plan, what would undo the program is refused by key.</summary>
public sealed class CustomizationTests
{
    private static SettingsException Refused(string yaml) => Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml));

    private const string Overrides = """
        config:
          superset:configOverrides:
            20-limits: |
              ROW_LIMIT = 12345
              SQL_MAX_ROW = 99999
            10-branding: |
              APP_NAME = "Acme BI"
              def _mutator(uri, params, username, security_manager, source):
                  SECRET_KEY = "a local name, not the module's"
                  return uri, params
              DB_CONNECTION_MUTATOR = _mutator
        """;

    [Fact]
    public void Overrides_are_appended_in_the_order_of_their_names_and_the_whole_file_compiles_and_runs()
    {
        var plan = PlannerTests.PlanOf(Overrides);
        var text = SupersetConfigPy.Generate(plan);
        Assert.True(text.IndexOf("APP_NAME", StringComparison.Ordinal) < text.IndexOf("ROW_LIMIT", StringComparison.Ordinal), "10-branding before 20-limits");
        Assert.True(text.IndexOf("SQLLAB_ASYNC_TIME_LIMIT_SEC", StringComparison.Ordinal) < text.IndexOf("APP_NAME", StringComparison.Ordinal), "after the generated file");
        Assert.Null(ConfigExec.CompileError(plan));

        var c = ConfigExec.Run(plan, "print(json.dumps({'row': c.ROW_LIMIT, 'app': c.APP_NAME, 'secret': c.SECRET_KEY}))");
        Assert.Equal(12345, c.GetProperty("row").GetInt32());
        Assert.Equal("Acme BI", c.GetProperty("app").GetString());
        Assert.Equal(ConfigExec.Secrets[SupersetEnv.SecretKey], c.GetProperty("secret").GetString());
    }

    [Fact]
    public void An_override_changes_the_config_checksum_so_the_pods_roll()
    {
        var plain = Checksum.Of(ConfigExec.Text("config:\n  superset:tier: small\n"));
        var changed = Checksum.Of(ConfigExec.Text("config:\n  superset:configOverrides:\n    a: ROW_LIMIT = 1\n"));
        Assert.NotEqual(plain, changed);
    }

    [Theory]
    [InlineData("SECRET_KEY = 'x'", "SECRET_KEY", "secretKeySecret")]
    [InlineData("SQLALCHEMY_DATABASE_URI = 'sqlite://'", "SQLALCHEMY_DATABASE_URI", "database.*")]
    [InlineData("FEATURE_FLAGS['DASHBOARD_RBAC'] = True", "FEATURE_FLAGS", "superset:featureFlags")]
    [InlineData("FEATURE_FLAGS.update({'X': True})", "FEATURE_FLAGS", "superset:featureFlags")]
    [InlineData("CeleryConfig.task_routes = {}", "CeleryConfig", "queues.<name>")]
    [InlineData("class CeleryConfig:\n    pass", "CeleryConfig", "queues.<name>")]
    [InlineData("CACHE_CONFIG, X = {}, 1", "CACHE_CONFIG", "redis.cache")]
    [InlineData("RESULTS_BACKEND = None", "RESULTS_BACKEND", "redis.cache")]
    [InlineData("GLOBAL_ASYNC_QUERIES_TRANSPORT = 'ws'", "GLOBAL_ASYNC_QUERIES_TRANSPORT", "asyncQueries")]
    [InlineData("AUTH_TYPE = 4", "AUTH_TYPE", "superset:auth")]
    [InlineData("if True:\n    SMTP_HOST = 'x'", "SMTP_HOST", "reports.smtp")]
    [InlineData("from mymodule import SECRET_KEY", "SECRET_KEY", "secretKeySecret")]
    [InlineData("def f():\n    global SECRET_KEY\n    SECRET_KEY = 'x'", "SECRET_KEY", "secretKeySecret")]
    public void An_override_assigning_what_the_program_sets_is_refused_naming_the_key_to_use(string python, string name, string key)
    {
        var ex = Refused($"config:\n  superset:configOverrides:\n    mine: {Block(python)}");
        var e = Assert.Single(ex.Errors);
        Assert.Equal("superset:configOverrides.mine", e.Key);
        Assert.Contains(name, e.Value, StringComparison.Ordinal);
        Assert.Contains(key, e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("globals()['SECRET_KEY'] = 'x'", "globals")]
    [InlineData("from superset_helpers import *", "import *")]
    [InlineData("  ROW_LIMIT = 1", "indented")]
    [InlineData("ROW_LIMIT = (1", "never closed")]
    public void An_override_that_cannot_be_checked_or_compiled_is_refused(string python, string what)
    {
        var ex = Refused($"config:\n  superset:configOverrides:\n    mine: {Block(python)}");
        Assert.Contains(ex.Errors, e => e.Key == "superset:configOverrides.mine" && (e.Value + e.Expected).Contains(what, StringComparison.Ordinal));
    }

    [Fact]
    public void Feature_flags_merge_over_the_program_s_and_reach_the_file()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:featureFlags:\n    DASHBOARD_RBAC: true\n    GLOBAL_ASYNC_QUERIES: true\n    THUMBNAILS: false\n");
        var c = ConfigExec.Run(plan, "print(json.dumps(c.FEATURE_FLAGS))");
        Assert.True(c.GetProperty("DASHBOARD_RBAC").GetBoolean());
        Assert.False(c.GetProperty("THUMBNAILS").GetBoolean());
        Assert.True(c.GetProperty("GLOBAL_ASYNC_QUERIES").GetBoolean()); // asyncQueries.enabled: the program's, agreed
        Assert.False(c.GetProperty("ALERT_REPORTS").GetBoolean()); // reports off: the program's, untouched
    }

    [Theory]
    [InlineData("DASHBOARD_RBAK: true", "did you mean DASHBOARD_RBAC")]
    [InlineData("NOT_A_FLAG: true", "a feature flag of Superset 5.0.0's DEFAULT_FEATURE_FLAGS")]
    public void A_flag_the_release_lacks_is_refused(string flag, string expected)
    {
        var e = Assert.Single(Refused($"config:\n  superset:featureFlags:\n    {flag}\n").Errors);
        Assert.StartsWith("superset:featureFlags.", e.Key, StringComparison.Ordinal);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config:\n  superset:featureFlags:\n    GLOBAL_ASYNC_QUERIES: false\n", "GLOBAL_ASYNC_QUERIES", "asyncQueries.enabled")]
    [InlineData("config:\n  superset:asyncQueries:\n    enabled: false\n  superset:featureFlags:\n    GLOBAL_ASYNC_QUERIES: true\n", "GLOBAL_ASYNC_QUERIES", "asyncQueries.enabled")]
    [InlineData("config:\n  superset:featureFlags:\n    ALERT_REPORTS: true\n", "ALERT_REPORTS", "reports.enabled")]
    public void A_flag_that_contradicts_a_typed_key_is_refused_naming_the_key(string yaml, string flag, string key)
    {
        var e = Assert.Single(Refused(yaml).Errors);
        Assert.Equal($"superset:featureFlags.{flag}", e.Key);
        Assert.Contains(key, e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_program_s_own_flags_are_flags_of_every_release_it_supports()
    {
        foreach (var release in Catalog.SupersetReleases.All.Values)
        {
            var flags = Catalog.SupersetFeatureFlags.Of(release);
            foreach (var flag in new[] { Catalog.SupersetReleases.GlobalAsyncQueries, SupersetReportsConfig.AlertReports, SupersetReportsConfig.PlaywrightFlag, Catalog.SupersetFeatureFlags.SlackV2 })
            {
                Assert.Contains(flag, flags);
            }
        }
    }

    [Theory]
    [InlineData("superset:env:\n    DATABASE_PASSWORD: x\n", "superset:env.DATABASE_PASSWORD", "database.passwordSecret")]
    [InlineData("superset:env:\n    SUPERSET_FEATURE_THUMBNAILS: 'true'\n", "superset:env.SUPERSET_FEATURE_THUMBNAILS", "superset:featureFlags")]
    [InlineData("superset:env:\n    SUPERSET_CONFIG_PATH: /tmp/x.py\n", "superset:env.SUPERSET_CONFIG_PATH", "configOverrides")]
    [InlineData("superset:web:\n    env:\n      GUNICORN_CMD_ARGS: --workers 9\n", "superset:web.env.GUNICORN_CMD_ARGS", "web.*")]
    [InlineData("superset:beat:\n    env:\n      REDIS_BROKER_HOST: elsewhere\n", "superset:beat.env.REDIS_BROKER_HOST", "redis.broker")]
    [InlineData("superset:queues:\n    exports:\n      env:\n        PYTHONPATH: /x\n", "superset:queues.exports.env.PYTHONPATH", "superset_config.py")]
    [InlineData("superset:secretEnv:\n    SUPERSET_SECRET_KEY:\n      secret: s\n      key: k\n", "superset:secretEnv.SUPERSET_SECRET_KEY", "secretKeySecret")]
    [InlineData("superset:env:\n    1BAD: x\n", "superset:env.1BAD", "environment variable name")]
    public void An_environment_variable_the_program_sets_or_cannot_name_is_refused(string yaml, string key, string expected)
    {
        var e = Assert.Single(Refused("config:\n  " + yaml).Errors);
        Assert.Equal(key, e.Key);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_land_in_the_plan_per_role()
    {
        var plan = PlannerTests.PlanOf("""
            config:
              superset:env:
                LOG_LEVEL: INFO
                REQUESTS_CA_BUNDLE: /etc/ssl/certs/ca-certificates.crt
              superset:secretEnv:
                MAPBOX_API_KEY:
                  secret: mapbox
                  key: api-key
              superset:web:
                env:
                  WEB_ONLY: "1"
              superset:beat:
                env:
                  BEAT_ONLY: "2"
              superset:queues:
                exports:
                  env:
                    EXPORTS_ONLY: "3"
            """);
        Assert.Equal("INFO", plan.Custom.Env["LOG_LEVEL"]);
        Assert.Equal(new SecretRef("mapbox", "api-key"), plan.Custom.SecretEnv["MAPBOX_API_KEY"]);
        Assert.Equal("1", plan.Custom.RoleEnv("web")["WEB_ONLY"]);
        Assert.Equal("2", plan.Custom.RoleEnv("beat")["BEAT_ONLY"]);
        Assert.Equal("3", plan.Custom.RoleEnv("worker", "exports")["EXPORTS_ONLY"]);
        Assert.Empty(plan.Custom.RoleEnv("worker", "default"));
    }

    [Fact]
    public void A_variable_in_env_and_secret_env_is_refused()
    {
        var e = Assert.Single(Refused("config:\n  superset:env:\n    TOKEN: x\n  superset:secretEnv:\n    TOKEN:\n      secret: s\n      key: k\n").Errors);
        Assert.Equal("superset:secretEnv.TOKEN", e.Key);
    }

    [Fact]
    public void A_secret_env_entry_without_its_key_is_refused_naming_the_field()
    {
        var e = Assert.Single(Refused("config:\n  superset:secretEnv:\n    TOKEN:\n      secret: s\n").Errors);
        Assert.Equal("superset:secretEnv.TOKEN.key", e.Key);
    }

    [Fact]
    public void Every_name_the_generated_file_binds_at_the_top_is_owned_by_a_key()
    {
        // Python's own ast over the file of a stack that uses every generator section.
        var plan = PlannerTests.PlanOf(AuthTests.Oauth.Replace("config:\n", "config:\n  superset:reports:\n    enabled: true\n    smtp:\n      host: smtp.example.com\n      mailFrom: bi@example.com\n    slack:\n      enabled: true\n  superset:slackToken:\n    secure: AAAA\n", StringComparison.Ordinal));
        var dir = ConfigExec.Write(plan);
        var (code, stdout, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3"), ["-c",
            "import ast, sys\nt = ast.parse(open(sys.argv[1]).read())\nfor n in t.body:\n    for x in ast.walk(n) if not isinstance(n, (ast.FunctionDef, ast.ClassDef)) else [n]:\n        if isinstance(x, ast.Name) and isinstance(x.ctx, ast.Store): print(x.id)\n        if isinstance(x, (ast.FunctionDef, ast.ClassDef)): print(x.name)",
            Path.Combine(dir, SupersetEnv.ConfigFile)]);
        Assert.True(code == 0, stderr);
        var bound = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        Assert.Contains("SECRET_KEY", bound);
        var config = bound.Where(n => n.Length > 0 && char.IsUpper(n[0])).ToList();
        Assert.All(config, n => Assert.True(ProgramNames.OwnerOfConfigName(n) is not null, $"{n} is set by the generator but not in ProgramNames"));
    }

    /// <summary>The text as a YAML value: a block, or a quoted scalar where its first line is indented (a block would strip that).</summary>
    private static string Block(string python) => python.StartsWith(' ')
        ? System.Text.Json.JsonSerializer.Serialize(python) + "\n"
        : "|\n" + string.Join("\n", python.Split('\n').Select(l => "      " + l)) + "\n";
}
