using System.Diagnostics;
using System.Text.Json;
using Pulumi;
using Superset.Artifacts;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The guides' stacks (docs/examples, apart from the repository's own stacks), each through the whole
/// program: the superset_config.py of its config Secret, executed by Debian's Python with the web pod's
/// environment exactly as declared (plain values, and each secretKeyRef resolved to the credentials
/// Secret's value or a stand-in for the team's own Secret), holds what the keys say and no secret.
/// </summary>
[Collection("pulumi")]
public sealed class ExampleStacksTests
{
    private const string Probe = """
        import json, os, sys, types
        sys.path.insert(0, sys.argv[1])
        sys.modules["superset.config"] = types.ModuleType("superset.config")
        import superset_config as c
        names = ["AUTH_TYPE", "AUTH_USER_REGISTRATION", "AUTH_USER_REGISTRATION_ROLE", "AUTH_ROLES_MAPPING", "AUTH_ROLES_SYNC_AT_LOGIN",
                 "AUTH_LDAP_SERVER", "AUTH_LDAP_USE_TLS", "AUTH_LDAP_BIND_USER", "AUTH_LDAP_BIND_PASSWORD", "AUTH_LDAP_SEARCH", "AUTH_LDAP_SEARCH_FILTER",
                 "FEATURE_FLAGS", "APP_NAME", "SQLLAB_TIMEOUT", "SQL_MAX_ROW", "SQLALCHEMY_DATABASE_URI", "SECRET_KEY"]
        out = {n: getattr(c, n) for n in names if hasattr(c, n)}
        out["broker_url"] = c.CELERY_CONFIG.broker_url
        out["slack"] = c.SLACK_API_TOKEN() if callable(getattr(c, "SLACK_API_TOKEN", None)) else getattr(c, "SLACK_API_TOKEN", None)
        out["oauth"] = {p["name"]: p["remote_app"] for p in getattr(c, "OAUTH_PROVIDERS", [])}
        print(json.dumps(out))
        """;

    private sealed record Loaded(string Text, JsonElement Values, IReadOnlyDictionary<string, string> SecretValues);

    private static async Task<Loaded> LoadAsync(string example)
    {
        var yaml = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "docs", "examples", example + ".yaml"));
        var run = await Harness.YamlAsync(yaml, example, key => Output.CreateSecret($"SECRET-{key}"));
        var text = (string)run.Object("Secret", "superset-config").Map("stringData")[SupersetEnv.ConfigFile]!;
        var credentials = run.Object("Secret", "superset-credentials").Map("stringData");
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, v) in run.Object("Deployment", "superset-web").Pod.Items("containers")[0].Named("env"))
        {
            if (v.At("valueFrom.secretKeyRef.name") is string secret)
            {
                var key = (string)v.At("valueFrom.secretKeyRef.key")!;
                env[name] = secret == "superset-credentials" ? (string)credentials[key]! : $"TEAM-{secret}-{key}";
                secrets[name] = env[name];
            }
            else
            {
                env[name] = (string?)v.At("value") ?? "";
            }
        }

        var dir = Directory.CreateTempSubdirectory("example-config-").FullName;
        File.WriteAllText(Path.Combine(dir, SupersetEnv.ConfigFile), text);
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Probe);
        psi.ArgumentList.Add(dir);
        psi.Environment.Clear();
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = await p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Directory.Delete(dir, recursive: true);
        Assert.True(p.ExitCode == 0, $"{example}: {stderr}");
        return new Loaded(text, JsonDocument.Parse(stdout).RootElement.Clone(), secrets);
    }

    [Theory]
    [InlineData("customize")]
    [InlineData("oauth")]
    [InlineData("ldap")]
    [InlineData("external")]
    public async Task No_secret_of_an_example_is_in_its_file(string example)
    {
        var c = await LoadAsync(example);
        Assert.NotEmpty(c.SecretValues);
        Assert.All(c.SecretValues, s => Assert.DoesNotContain(s.Value, c.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("secure", c.Text, StringComparison.Ordinal);
        Assert.Equal(c.SecretValues[SupersetEnv.SecretKey], c.Values.GetProperty("SECRET_KEY").GetString());
    }

    [Fact]
    public async Task The_customize_example_s_overrides_flags_and_slack_token_hold()
    {
        var c = (await LoadAsync("customize")).Values;
        Assert.Equal("Example BI", c.GetProperty("APP_NAME").GetString());
        Assert.Equal(120, c.GetProperty("SQLLAB_TIMEOUT").GetInt32());
        Assert.Equal(50000, c.GetProperty("SQL_MAX_ROW").GetInt32());
        var flags = c.GetProperty("FEATURE_FLAGS");
        foreach (var flag in new[] { "DASHBOARD_RBAC", "EMBEDDED_SUPERSET", "TAGGING_SYSTEM", SupersetReportsConfig.AlertReports })
        {
            Assert.True(flags.GetProperty(flag).GetBoolean(), flag); // the team's, merged with the program's (reports.enabled)
        }

        Assert.Equal("SECRET-slackToken", c.GetProperty("slack").GetString());
    }

    [Fact]
    public async Task The_oauth_example_registers_its_providers_with_secrets_from_the_environment()
    {
        var c = (await LoadAsync("oauth")).Values;
        Assert.Equal(4, c.GetProperty("AUTH_TYPE").GetInt32()); // AUTH_OAUTH, flask_appbuilder/const.py@v4.6.0
        Assert.Equal("Gamma", c.GetProperty("AUTH_USER_REGISTRATION_ROLE").GetString());
        Assert.True(c.GetProperty("AUTH_ROLES_SYNC_AT_LOGIN").GetBoolean());
        Assert.Equal(["Alpha", "sql_lab"], c.GetProperty("AUTH_ROLES_MAPPING").GetProperty("analysts").EnumerateArray().Select(x => x.GetString()!));
        var okta = c.GetProperty("oauth").GetProperty("okta");
        Assert.Equal("0oa1bcdefghIJKLmn2p3", okta.GetProperty("client_id").GetString());
        Assert.Equal("SECRET-oauthOktaClientSecret", okta.GetProperty("client_secret").GetString());
        Assert.Equal("SECRET-oauthKeycloakClientSecret", c.GetProperty("oauth").GetProperty("keycloak").GetProperty("client_secret").GetString());
    }

    [Fact]
    public async Task The_ldap_example_s_directory_settings_hold()
    {
        var c = (await LoadAsync("ldap")).Values;
        Assert.Equal(2, c.GetProperty("AUTH_TYPE").GetInt32()); // AUTH_LDAP
        Assert.Equal("ldaps://ldap.example.org", c.GetProperty("AUTH_LDAP_SERVER").GetString());
        Assert.Equal("SECRET-ldapBindPassword", c.GetProperty("AUTH_LDAP_BIND_PASSWORD").GetString());
        Assert.Equal("(memberOf=cn=bi-users,ou=groups,dc=example,dc=org)", c.GetProperty("AUTH_LDAP_SEARCH_FILTER").GetString());
        Assert.Equal(["Admin"], c.GetProperty("AUTH_ROLES_MAPPING").GetProperty("cn=bi-admins,ou=groups,dc=example,dc=org").EnumerateArray().Select(x => x.GetString()!));
    }

    [Fact]
    public async Task The_external_example_connects_to_the_team_s_services_with_the_team_s_passwords()
    {
        var c = (await LoadAsync("external")).Values;
        Assert.StartsWith("postgresql+psycopg2://superset:TEAM-bi-pg-app-password@bi-pg-rw.data.svc.cluster.local:5432/superset?", c.GetProperty("SQLALCHEMY_DATABASE_URI").GetString(), StringComparison.Ordinal);
        Assert.Contains("sslmode=verify-full", c.GetProperty("SQLALCHEMY_DATABASE_URI").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("rediss://:TEAM-redis-queue-password@redis-queue.data.svc.cluster.local:6379/0", c.GetProperty("broker_url").GetString(), StringComparison.Ordinal);
        Assert.Equal("TEAM-superset-flask-secret-key", c.GetProperty("SECRET_KEY").GetString());
    }

    [Theory]
    [InlineData("sign-in.md", "oauth")]
    [InlineData("sign-in.md", "ldap")]
    [InlineData("customize.md", "customize")]
    [InlineData("external-data.md", "external")]
    public void Each_guide_shows_its_example_stack_file_as_the_tests_run_it(string guide, string example)
    {
        var text = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "docs", guide));
        var yaml = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "docs", "examples", example + ".yaml"));
        Assert.Contains("```yaml\n" + yaml + "```", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_customize_guide_s_build_line_is_the_one_plan_prints()
    {
        var yaml = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "docs", "examples", "customize.yaml"));
        var line = SupersetInitScript.BuildLine(Harness.PlanOfYaml(yaml));
        Assert.Contains("\n" + line + "\n", File.ReadAllText(Path.Combine(Harness.RepoRoot(), "docs", "customize.md")), StringComparison.Ordinal);
    }
}
