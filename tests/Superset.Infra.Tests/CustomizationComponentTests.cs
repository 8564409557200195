using System.Text.Json;
using Pulumi;
using Superset.Artifacts;
using Superset.Configuration;
using Superset.Planning.Workloads;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>What a team's additions become in the cluster: pod variables per role, sign-in secrets through the credentials Secret, credentials read from existing Secrets, the team's own data services.</summary>
[Collection("pulumi")]
public sealed class CustomizationComponentTests
{
    private const string Yaml = """
        config:
          superset:env:
            LOG_LEVEL: INFO
          superset:secretEnv:
            MAPBOX_API_KEY:
              secret: mapbox
              key: api-key
          superset:web:
            env:
              WEB_ONLY: "1"
          superset:beat:
            env:
              BEAT_ONLY: "1"
          superset:queues:
            exports:
              env:
                EXPORTS_ONLY: "1"
          superset:secretKeySecret:
            name: superset-key
            key: secret-key
          superset:auth:
            type: ldap
            ldap:
              server: ldaps://ldap.example.org
              bindUser: cn=superset,dc=example,dc=org
              searchBase: ou=people,dc=example,dc=org
          superset:ldapBindPassword:
            secure: AAAA
          superset:drivers: [trino]
          superset:init:
            admin:
              username: bi-admin
            cpuMillis: 1500
            memoryMi: 3072
        """;

    [Fact]
    public async Task The_team_s_variables_reach_every_superset_pod_and_each_role_its_own()
    {
        var run = await Harness.YamlAsync(Yaml, secret: key => Output.CreateSecret($"SECRET-{key}"));
        foreach (var (kind, name) in new[] { ("Deployment", "superset-web"), ("Deployment", "superset-worker-exports"), ("Deployment", "superset-worker-default"), ("Deployment", "superset-beat") })
        {
            var env = run.Object(kind, name).Pod.Items("containers")[0].Named("env");
            Assert.Equal("INFO", env["LOG_LEVEL"].At("value"));
            Assert.Equal("mapbox", env["MAPBOX_API_KEY"].At("valueFrom.secretKeyRef.name"));
            Assert.Equal("api-key", env["MAPBOX_API_KEY"].At("valueFrom.secretKeyRef.key"));
            Assert.Equal(name == "superset-web", env.ContainsKey("WEB_ONLY"));
            Assert.Equal(name == "superset-beat", env.ContainsKey("BEAT_ONLY"));
            Assert.Equal(name == "superset-worker-exports", env.ContainsKey("EXPORTS_ONLY"));
            // SECRET_KEY from the team's Secret; the bind password from the credentials Secret.
            Assert.Equal("superset-key", env[SupersetEnv.SecretKey].At("valueFrom.secretKeyRef.name"));
            Assert.Equal("secret-key", env[SupersetEnv.SecretKey].At("valueFrom.secretKeyRef.key"));
            Assert.Equal(CredentialKeys.LdapBindPassword, env[SupersetEnv.LdapBindPassword].At("valueFrom.secretKeyRef.key"));
            Assert.All(env.Keys.Where(n => !new[] { "LOG_LEVEL", "MAPBOX_API_KEY", "WEB_ONLY", "BEAT_ONLY", "EXPORTS_ONLY" }.Contains(n)),
                n => Assert.True(ProgramNames.OwnerOfEnvName(n) is not null, $"{name} sets {n}, which ProgramNames does not list: a team could set it too"));
        }
    }

    [Fact]
    public async Task Sign_in_secrets_live_in_the_credentials_secret_and_nowhere_else()
    {
        var run = await Harness.YamlAsync(Yaml, secret: key => Output.CreateSecret($"SECRET-{key}"));
        var data = run.Object("Secret", "superset-credentials").Map("stringData");
        Assert.Equal("SECRET-ldapBindPassword", data[CredentialKeys.LdapBindPassword]);
        Assert.False(data.ContainsKey(CredentialKeys.SecretKey)); // the team's Secret holds it: nothing generated
        Assert.DoesNotContain(run.Manifests.Where(m => m.Kind != "Secret" || m.Name != "superset-credentials"),
            m => JsonSerializer.Serialize(m.Body).Contains("SECRET-", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Resources.OfType<Pulumi.Random.RandomPassword>(), p => p.GetResourceName().EndsWith("secret-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_init_job_checks_the_drivers_and_creates_the_configured_admin()
    {
        var run = await Harness.YamlAsync(Yaml, secret: key => Output.CreateSecret($"SECRET-{key}"));
        var job = run.All("Job").Single();
        var command = job.Pod.Items("containers")[0].Strings("command");
        Assert.Equal(SupersetInitScript.Script(Harness.PlanOfYaml(Yaml)), command[2]);
        Assert.Contains("trino.sqlalchemy", command[2], StringComparison.Ordinal);
        Assert.Contains("--username 'bi-admin'", command[2], StringComparison.Ordinal);
        var init = job.Pod.Items("containers")[0];
        Assert.Equal("1500m", init.At("resources.requests.cpu")); // no CPU limit, as on every pod
        Assert.Equal("3072Mi", init.At("resources.requests.memory"));
        Assert.Equal("3072Mi", init.At("resources.limits.memory"));
    }

    [Fact]
    public async Task On_the_team_s_data_services_nothing_of_its_own_is_declared_and_the_exporters_watch_theirs()
    {
        var run = await Harness.YamlAsync(ExternalStack);
        Assert.Empty(run.All("StatefulSet"));
        var web = run.Object("Deployment", "superset-web").Pod.Items("containers")[0].Named("env");
        Assert.Equal("pg.data.svc.cluster.local", web[SupersetEnv.DatabaseHost].At("value"));
        Assert.Equal("6432", web[SupersetEnv.DatabasePort].At("value"));
        Assert.Equal("bi-pg-app", web[SupersetEnv.DatabasePassword].At("valueFrom.secretKeyRef.name"));
        Assert.Equal("redis-queue", web["REDIS_BROKER_PASSWORD"].At("valueFrom.secretKeyRef.name"));
        var exporter = run.Object("Deployment", "superset-redis-cache").Pod.Items("containers")[0].Named("env");
        Assert.Equal("redis-lru", exporter["REDIS_PASSWORD"].At("valueFrom.secretKeyRef.name"));
        Assert.Equal("redis://redis-lru.data.svc.cluster.local:6379", exporter["REDIS_ADDR"].At("value"));
        var auth = run.All("TriggerAuthentication").Single();
        var target = (Dictionary<string, object?>)auth.List("spec.secretTargetRef")[0]!;
        Assert.Equal("redis-queue", target["name"]);
        Assert.Equal("password", target["key"]);
        var credentials = run.Object("Secret", "superset-credentials").Map("stringData");
        Assert.False(credentials.ContainsKey(CredentialKeys.DatabasePassword));
        Assert.False(credentials.ContainsKey(CredentialKeys.BrokerPassword));
    }

    internal const string ExternalStack = """
        config:
          superset:dataServices: external
          superset:cost:
            region: eu-west-1
          superset:database:
            host: pg.data.svc.cluster.local
            port: 6432
            sslMode: require
            maxConnections: 500
            passwordSecret:
              name: bi-pg-app
              key: password
          superset:redis:
            broker:
              host: redis-queue.data.svc.cluster.local
              tls: false
              passwordSecret:
                name: redis-queue
                key: password
            cache:
              host: redis-lru.data.svc.cluster.local
              tls: false
              passwordSecret:
                name: redis-lru
                key: password
        """;
}
