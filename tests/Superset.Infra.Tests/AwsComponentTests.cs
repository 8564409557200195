using Superset.Analysis.Render;
using Superset.Artifacts;
using Superset.Planning;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>The prod stack's AWS data tier and alarms, as the mock engine received them.</summary>
[Collection("pulumi")]
public sealed class AwsComponentTests
{
    private static readonly StackPlan Prod = Harness.PlanOf("prod");

    private static Manifest One(Run run, string type, string name) => Manifest.Of(run.Recorded.Single(r => r.Type == type && r.Name == name));

    [Fact]
    public async Task The_database_parameter_group_sets_max_connections_from_the_plan_and_forces_tls()
    {
        var run = await Harness.StackAsync("prod");
        var parameters = One(run, "aws:rds/parameterGroup:ParameterGroup", "data-db-params");

        Assert.Equal("postgres16", parameters.At("family"));
        var values = parameters.Named("parameters");
        Assert.Equal(Prod.Database.MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture), values["max_connections"].At("value"));
        Assert.Equal("pending-reboot", values["max_connections"].At("applyMethod")); // a static parameter
        Assert.Equal("1", values["rds.force_ssl"].At("value"));
    }

    [Fact]
    public async Task The_prod_database_is_encrypted_multi_az_backed_up_and_protected()
    {
        var db = One(await Harness.StackAsync("prod"), "aws:rds/instance:Instance", "data-db");

        Assert.Equal("db.r6g.large", db.At("instanceClass"));
        Assert.True(db.At("storageEncrypted") is true);
        Assert.True(db.At("multiAz") is true);
        Assert.True(db.At("deletionProtection") is true);
        Assert.True(db.At("skipFinalSnapshot") is false);
        Assert.Equal("superset-prod-final", db.At("finalSnapshotIdentifier"));
        Assert.Equal(14L, db.Number("backupRetentionPeriod"));
        Assert.True(db.At("performanceInsightsEnabled") is true);
        Assert.True(db.At("publiclyAccessible") is false);
        Assert.Equal("data-db-params-xxxxxxx", db.At("parameterGroupName"));
    }

    [Theory]
    [InlineData(null, "16")] // the default of superset:aws.postgresVersion
    [InlineData("15", "15")]
    [InlineData("17", "17")]
    public async Task The_database_names_only_its_major_version_so_aws_minor_upgrades_never_read_as_a_downgrade(string? configured, string major)
    {
        // "If `autoMinorVersionUpgrade` is enabled, you can provide a prefix of the version such as
        // `8.0` (for `8.0.36`)" (pulumi/pulumi-aws sdk/nodejs/rds/instance.ts@v7.2.0, engineVersion).
        var yaml = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.prod.yaml"));
        if (configured is not null)
        {
            yaml = yaml.Replace("    clientSecurityGroupId: sg-0123456789abcdef0\n", $"    clientSecurityGroupId: sg-0123456789abcdef0\n    postgresVersion: \"{configured}\"\n", StringComparison.Ordinal);
        }

        var run = await Harness.YamlAsync(yaml, "prod");
        var db = One(run, "aws:rds/instance:Instance", "data-db");
        var parameters = One(run, "aws:rds/parameterGroup:ParameterGroup", "data-db-params");

        Assert.Equal("postgres", db.At("engine"));
        Assert.Equal(major, db.At("engineVersion"));
        Assert.DoesNotContain(".", (string)db.At("engineVersion")!, StringComparison.Ordinal);
        Assert.True(db.At("autoMinorVersionUpgrade") is true);
        Assert.Equal($"postgres{major}", parameters.At("family"));
    }

    [Fact]
    public async Task Without_data_protection_nothing_blocks_a_destroy()
    {
        var yaml = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.prod.yaml"))
            .Replace("    clientSecurityGroupId: sg-0123456789abcdef0\n", "    clientSecurityGroupId: sg-0123456789abcdef0\n    protectData: false\n", StringComparison.Ordinal);
        var db = One(await Harness.YamlAsync(yaml, "staging"), "aws:rds/instance:Instance", "data-db");

        Assert.True(db.At("deletionProtection") is false);
        Assert.True(db.At("skipFinalSnapshot") is true);
        Assert.Null(db.At("finalSnapshotIdentifier"));
    }

    [Theory]
    [InlineData("broker", "noeviction")]
    [InlineData("cache", "allkeys-lru")]
    public async Task Each_redis_role_has_its_own_parameter_group_and_policy(string role, string policy)
    {
        var run = await Harness.StackAsync("prod");
        var parameters = One(run, "aws:elasticache/parameterGroup:ParameterGroup", $"data-{role}-params");
        var group = One(run, "aws:elasticache/replicationGroup:ReplicationGroup", $"data-{role}");
        var values = parameters.Named("parameters").ToDictionary(p => p.Key, p => (string)p.Value.At("value")!);

        Assert.Equal(policy, values["maxmemory-policy"]);
        Assert.Equal("25", values["reserved-memory-percent"]);
        Assert.Equal($"data-{role}-params-xxxxxxx", group.At("parameterGroupName"));
        Assert.True(group.At("atRestEncryptionEnabled") is true);
        Assert.True(group.At("transitEncryptionEnabled") is true);
        Assert.True(group.At("automaticFailoverEnabled") is true);
        Assert.True(group.At("multiAzEnabled") is true);
        Assert.Equal(2L, group.Number("numCacheClusters"));
        Assert.Equal(Harness.RandomValueOf($"credentials-redis-{role}"), group.At("authToken"));
    }

    [Fact]
    public async Task Security_groups_admit_only_the_cluster_on_their_port()
    {
        var run = await Harness.StackAsync("prod");
        foreach (var (role, port) in new[] { ("postgresql", 5432L), ("redis", 6379L) })
        {
            var sg = One(run, "aws:ec2/securityGroup:SecurityGroup", $"data-{role}-sg");
            var rule = new Manifest("", (Dictionary<string, object?>)Assert.Single(sg.List("ingress"))!);
            Assert.Equal(port, rule.Number("fromPort"));
            Assert.Equal(port, rule.Number("toPort"));
            Assert.Equal(["sg-0123456789abcdef0"], rule.Strings("securityGroups"));
            Assert.Null(rule.At("cidrBlocks"));
        }

        var subnets = One(run, "aws:rds/subnetGroup:SubnetGroup", "data-db-subnets");
        Assert.Equal(3, subnets.Strings("subnetIds").Count);
    }

    [Fact]
    public async Task Superset_pods_reach_rds_and_elasticache_over_tls_with_the_secret()
    {
        var web = (await Harness.StackAsync("prod")).Object("Deployment", "superset-web").Pod.Container("web");
        var env = web.Named("env");

        Assert.Contains("data-db.rds.amazonaws.com", (string)env["DATABASE_HOST"].At("value")!, StringComparison.Ordinal);
        // verify-full against RDS's CA bundle, which docker/Dockerfile puts at this path.
        Assert.Equal("verify-full", env["DATABASE_SSLMODE"].At("value"));
        Assert.Equal(SupersetEnv.RdsCaBundlePath, env[SupersetEnv.DatabaseSslRootCert].At("value"));
        Assert.Equal("true", env["REDIS_BROKER_TLS"].At("value"));
        Assert.Equal("database-password", env["DATABASE_PASSWORD"].At("valueFrom.secretKeyRef.key"));
        Assert.Equal("superset-credentials", env["DATABASE_PASSWORD"].At("valueFrom.secretKeyRef.name"));
    }

    [Fact]
    public async Task Generated_secrets_reach_aws_only_as_the_password_and_auth_tokens()
    {
        var run = await Harness.StackAsync("prod");
        var randoms = run.Recorded.Where(r => r.Type.StartsWith("random:", StringComparison.Ordinal)).Select(r => Harness.RandomValueOf(r.Name)).ToList();
        foreach (var resource in run.Recorded.Where(r => r.Type.StartsWith("aws:", StringComparison.Ordinal)))
        {
            var plain = (Dictionary<string, object?>)ManifestWriter.ToPlain(resource.Inputs)!;
            foreach (var secretField in new[] { "password", "authToken" })
            {
                plain.Remove(secretField); // Pulumi.Aws marks these inputs secret in its schema
            }

            var text = System.Text.Json.JsonSerializer.Serialize(plain);
            Assert.All(randoms, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Alarms_watch_the_database_against_the_plan_and_every_cache_node()
    {
        var run = await Harness.StackAsync("prod");
        var alarms = run.Recorded.Where(r => r.Type == "aws:cloudwatch/metricAlarm:MetricAlarm").Select(Manifest.Of).ToList();

        var connections = alarms.Single(a => (string?)a.At("metricName") == "DatabaseConnections");
        Assert.Equal(Math.Floor(Prod.Database.MaxConnections * 0.8), Convert.ToDouble(connections.At("threshold"), System.Globalization.CultureInfo.InvariantCulture));
        var evictions = alarms.Where(a => (string?)a.At("metricName") == "Evictions").ToList();
        Assert.Equal(2, evictions.Count); // the broker's two nodes, any eviction
        Assert.All(evictions, e => Assert.EndsWith("-00" + (evictions.IndexOf(e) + 1), (string)e.Map("dimensions")["CacheClusterId"]!, StringComparison.Ordinal));
        Assert.Equal(3 + (5 * 2), alarms.Count); // 3 on RDS, 5 per ElastiCache node pair
    }

    [Fact]
    public async Task Every_alarm_names_the_resource_it_watches()
    {
        // An alarm without its dimension watches the metric of no instance and never fires.
        var alarms = (await Harness.StackAsync("prod")).Recorded.Where(r => r.Type == "aws:cloudwatch/metricAlarm:MetricAlarm").Select(Manifest.Of).ToList();

        var database = alarms.Where(a => (string?)a.At("namespace") == "AWS/RDS").ToList();
        Assert.Equal(3, database.Count);
        Assert.All(database, a => Assert.Equal("data-db-xxxxxxx", a.Map("dimensions")["DBInstanceIdentifier"]));
        Assert.All(alarms.Except(database), a => Assert.Equal(["CacheClusterId"], a.Map("dimensions").Keys));
    }

    [Fact]
    public async Task Alarms_notify_the_configured_topic()
    {
        var yaml = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.prod.yaml"))
            .Replace("    clientSecurityGroupId: sg-0123456789abcdef0\n", "    clientSecurityGroupId: sg-0123456789abcdef0\n    alarmTopicArn: arn:aws:sns:eu-west-1:123456789012:superset-oncall\n", StringComparison.Ordinal);
        var run = await Harness.YamlAsync(yaml, "prod");

        Assert.All(run.Recorded.Where(r => r.Type == "aws:cloudwatch/metricAlarm:MetricAlarm").Select(Manifest.Of),
            a => Assert.Equal(["arn:aws:sns:eu-west-1:123456789012:superset-oncall"], a.Strings("alarmActions")));
    }

    [Fact]
    public async Task The_dev_stack_declares_no_aws_resource()
    {
        var run = await Harness.StackAsync("dev");
        Assert.DoesNotContain(run.Recorded, r => r.Type.StartsWith("aws:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("broker", "redis-broker-password")]
    [InlineData("cache", "redis-cache-password")]
    public async Task Elasticache_is_watched_by_an_exporter_under_the_names_the_alerts_read(string role, string key)
    {
        var run = await Harness.StackAsync("prod");
        var exporter = run.Object("Deployment", $"superset-redis-{role}").Pod.Container("metrics");
        var env = exporter.Named("env");

        Assert.StartsWith("rediss://", (string)env["REDIS_ADDR"].At("value")!, StringComparison.Ordinal);
        Assert.Equal(key, env["REDIS_PASSWORD"].At("valueFrom.secretKeyRef.key"));
        Assert.Equal("metrics", run.Object("ServiceMonitor", $"superset-redis-{role}").At("spec.endpoints.0.port"));
    }
}
