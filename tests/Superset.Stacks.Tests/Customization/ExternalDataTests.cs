using Superset.Artifacts;
using Superset.Artifacts.Keda;
using Superset.Configuration;
using Superset.Planning.Topology;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>dataServices external: the team's PostgreSQL and Redis, their passwords in existing Secrets, the budget against the given max_connections.</summary>
public sealed class ExternalDataTests
{
    internal const string External = """
        config:
          superset:tier: medium
          superset:dataServices: external
          superset:database:
            host: pg.data.svc.cluster.local
            port: 6432
            name: bi
            user: bi_owner
            sslMode: verify-full
            sslRootCert: /etc/ssl/certs/ca-certificates.crt
            maxConnections: 1000
            passwordSecret:
              name: bi-pg-app
              key: password
          superset:redis:
            broker:
              host: redis-queue.data.svc.cluster.local
              tls: false
              db: 0
              passwordSecret:
                name: redis-queue
                key: password
            cache:
              host: redis-lru.data.svc.cluster.local
              tls: false
              db: 3
              passwordSecret:
                name: redis-lru
                key: password
        """;

    private static SettingsException Refused(string yaml) => Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml));

    [Fact]
    public void The_plan_connects_to_the_team_s_services_and_deploys_none_of_its_own()
    {
        var plan = PlannerTests.PlanOf(External);
        Assert.True(plan.External);
        Assert.Equal("pg.data.svc.cluster.local", plan.Database.External!.Host);
        Assert.Equal(1000, plan.Database.MaxConnections);
        Assert.Equal("config", plan.Database.MaxConnectionsSource);
        var components = WorkloadRegistry.Of(plan).Select(w => w.Identity.Component).ToList();
        Assert.DoesNotContain("postgresql", components);
        // redis_exporter Deployments watch the team's Redis under the same names the alerts read.
        Assert.Contains(WorkloadRegistry.Of(plan), w => w.ResourceName == "redis-broker-exporter");
        Assert.Contains(WorkloadRegistry.Of(plan), w => w.ResourceName == "redis-cache-exporter");
        Assert.Equal(new SecretRef("bi-pg-app", "password"), plan.Custom.Credentials.DatabasePassword);
    }

    [Fact]
    public void The_generated_file_reads_the_cache_s_three_databases_from_its_first()
    {
        var plan = PlannerTests.PlanOf(External);
        var c = ConfigExec.Run(plan, "print(json.dumps({'broker': c.BROKER_URL, 'cache': c.CACHE_REDIS_URL, 'results': c.CELERY_RESULTS_URL, 'gaq': c.GLOBAL_ASYNC_QUERIES_CACHE_BACKEND['CACHE_REDIS_DB'], 'db': c.SQLALCHEMY_DATABASE_URI}))",
            env: new Dictionary<string, string> { [SupersetEnv.DatabaseSslMode] = "verify-full", [SupersetEnv.DatabaseSslRootCert] = "/etc/ssl/certs/ca-certificates.crt" });
        Assert.EndsWith("/0", c.GetProperty("broker").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/3", c.GetProperty("cache").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/4", c.GetProperty("results").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, c.GetProperty("gaq").GetInt32());
        Assert.Contains("sslmode=verify-full", c.GetProperty("db").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keda_reads_the_broker_s_own_database()
    {
        var plan = PlannerTests.PlanOf(External.Replace("      db: 0\n", "      db: 7\n", StringComparison.Ordinal));
        var trigger = (Dictionary<string, object>)KedaScaledObject.Triggers(plan.Queues[0], "redis-queue:6379", false, "auth", plan.Broker.Db)[0];
        Assert.Equal("7", ((Dictionary<string, object>)trigger["metadata"])["databaseIndex"]);
        Assert.EndsWith("/7", ConfigExec.Run(plan, "print(json.dumps(c.BROKER_URL))").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_connection_budget_is_checked_against_the_given_max_connections()
    {
        var e = Assert.Single(Refused(External.Replace("maxConnections: 1000", "maxConnections: 100", StringComparison.Ordinal)).Errors);
        Assert.Equal("superset:database.maxConnections", e.Key);
        Assert.Contains("at full scale Superset opens", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    maxConnections: 1000\n", "superset:database.maxConnections", "SHOW max_connections")]
    [InlineData("    host: pg.data.svc.cluster.local\n", "superset:database.host", "host")]
    [InlineData("    sslRootCert: /etc/ssl/certs/ca-certificates.crt\n", "superset:database.sslRootCert", "CA bundle")]
    [InlineData("    passwordSecret:\n      name: bi-pg-app\n      key: password\n", "superset:database.passwordSecret", "database password")]
    [InlineData("      host: redis-lru.data.svc.cluster.local\n", "superset:redis.cache.host", "host")]
    [InlineData("        name: redis-queue\n", "superset:redis.broker.passwordSecret.name", "Secret")]
    public void Every_part_the_program_cannot_derive_is_required_by_key(string remove, string key, string expected)
    {
        var yaml = External + "\n";
        Assert.Contains(remove, yaml, StringComparison.Ordinal);
        var e = Assert.Single(Refused(yaml.Replace(remove, "", StringComparison.Ordinal)).Errors);
        Assert.Equal(key, e.Key);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Broker_and_cache_on_one_instance_are_refused_unless_declared()
    {
        var same = External.Replace("redis-lru.data.svc.cluster.local", "redis-queue.data.svc.cluster.local", StringComparison.Ordinal);
        var e = Assert.Single(Refused(same).Errors);
        Assert.Equal("superset:redis.cache.host", e.Key);
        Assert.Contains("redis.shared: true", e.Expected, StringComparison.Ordinal);
        Assert.Contains("could not evict", e.Expected, StringComparison.Ordinal);

        var declared = same.Replace("  superset:redis:\n", "  superset:redis:\n    shared: true\n", StringComparison.Ordinal);
        var plan = PlannerTests.PlanOf(declared);
        Assert.True(plan.Broker.Shared);

        var overlap = Assert.Single(Refused(declared.Replace("      db: 3\n", "      db: 0\n", StringComparison.Ordinal)).Errors);
        Assert.Equal("superset:redis.broker.db", overlap.Key);
    }

    [Fact]
    public void Shared_on_two_instances_is_refused()
    {
        var e = Assert.Single(Refused(External.Replace("  superset:redis:\n", "  superset:redis:\n    shared: true\n", StringComparison.Ordinal)).Errors);
        Assert.Equal("superset:redis.shared", e.Key);
    }

    [Theory]
    [InlineData("  superset:database:\n    passwordSecret:\n      name: pg\n      key: password\n", "superset:database.passwordSecret")]
    [InlineData("  superset:redis:\n    broker:\n      passwordSecret:\n        name: r\n        key: p\n", "superset:redis.broker.passwordSecret")]
    public void A_password_secret_on_aws_is_refused(string yaml, string key)
    {
        var e = Assert.Single(Refused($"config:\n  superset:dataServices: aws\n{yaml}").Errors);
        Assert.Equal(key, e.Key);
        Assert.Contains("Pulumi.Random", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void External_keys_in_another_mode_are_refused_as_doing_nothing()
    {
        var e = Assert.Single(Refused("config:\n  superset:database:\n    host: pg.example.internal\n").Errors);
        Assert.Equal("superset:database.host", e.Key);
        Assert.Contains("dataServices is inCluster", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_secrets_replace_the_generated_credentials_in_the_cluster_too()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:secretKeySecret:\n    name: superset-key\n    key: secret\n  superset:database:\n    passwordSecret:\n      name: pg\n      key: pw\n");
        Assert.Equal(new SecretRef("superset-key", "secret"), plan.Custom.Credentials.SecretKey);
        Assert.Equal(new SecretRef("pg", "pw"), plan.Custom.Credentials.DatabasePassword);
        Assert.Null(plan.Custom.Credentials.BrokerPassword);
    }
}
