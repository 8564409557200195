using System.Text.Json;
using Superset.Analysis.Plans;
using Superset.Artifacts;
using Superset.Cli;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Planning;
using Superset.Planning.Sizing;
using Superset.Planning.Topology;
using Xunit;

namespace Superset.Stacks.Tests;

public class PlannerTests
{
    /// <summary>The network keys every aws-mode stack needs; added by <see cref="PlanOf"/> when a test leaves them out.</summary>
    internal const string AwsNetwork =
        "  superset:aws:\n    vpcId: vpc-0123456789abcdef0\n    privateSubnetIds: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]\n    clientSecurityGroupId: sg-0123456789abcdef0\n";

    internal static StackPlan PlanOf(string yaml)
    {
        if (yaml.Contains("dataServices: aws", StringComparison.Ordinal) && !yaml.Contains("superset:aws:", StringComparison.Ordinal))
        {
            yaml += AwsNetwork;
        }

        return Planner.Plan(SettingsLoader.Load(StackFile.Parse(yaml, "t.yaml")), "t.yaml");
    }

    private static SettingsException Refused(string yaml) =>
        Assert.Throws<SettingsException>(() => PlanOf(yaml));

    [Theory]
    [InlineData("small", "inCluster")]
    [InlineData("small", "aws")]
    [InlineData("medium", "inCluster")]
    [InlineData("medium", "aws")]
    [InlineData("large", "aws")]
    public void Every_tier_default_is_a_working_plan(string tier, string mode)
    {
        var plan = PlanOf($"config:\n  superset:tier: {tier}\n  superset:dataServices: {mode}\n");
        Assert.True(plan.Database.ConnectionsAtMax <= plan.Database.Budget);
        Assert.True(plan.Web.PeakReplicas * plan.Web.SlotsPerPod >= plan.Web.RequiredWorkers);
        Assert.Equal(new[] { "default", "exports", "reports", "cache" }, plan.Queues.Select(q => q.Name));
    }

    [Theory]
    // 1 CPU caps at 2×1+1 = 3 processes, 1024−200 Mi fits 2 of 300 Mi; 9 threads needed → 2 pods (tier min).
    [InlineData("small", 9, 2, 4, 2)]
    // 2 CPU → 5 processes, (2048−200)/300 = 6 → 5; 156 / 40 slots → 4 pods (the formula's 156, exact in decimal).
    [InlineData("medium", 156, 5, 8, 4)]
    // 4 CPU → 9 processes, (4096−200)/300 = 12 → 9; 5000×1.5×0.2×1.3 = 1950 / 72 → 28 pods.
    [InlineData("large", 1950, 9, 8, 28)]
    public void Web_workers_split_into_pods_processes_and_threads(string tier, int required, int processes, int threads, int replicas)
    {
        var web = PlanOf($"config:\n  superset:tier: {tier}\n  superset:dataServices: aws\n").Web;
        Assert.Equal((required, processes, threads, replicas), (web.RequiredWorkers, web.GunicornWorkers, web.Threads, web.PeakReplicas));
        Assert.True((web.PeakReplicas - 1) * web.SlotsPerPod < Math.Max(required, (web.Autoscaler.Replicas.Min - 1) * web.SlotsPerPod + 1),
            "one pod fewer must not serve the peak unless the minimum forces it");
    }

    [Fact]
    public void Concurrency_comes_from_memory_and_a_child_limit_that_does_not_fit_is_refused()
    {
        var plan = PlanOf("config:\n  superset:queues:\n    default:\n      memoryMi: 3000\n      maxMemoryPerChildMi: 500\n");
        var pool = plan.Queues.Single(q => q.Name == "default");
        Assert.Equal((3000 - Planner.WorkerParentMemoryMi - Planner.WorkerProbeMemoryMi) / 500, pool.Concurrency);
        Assert.Equal(500 * 1024, pool.MaxMemoryPerChildKiB);

        // 8 children also break the in-cluster connection budget; that is reported too, on its own key.
        var ex = Refused("config:\n  superset:queues:\n    default:\n      concurrency: 8\n");
        Assert.Equal(2, ex.Errors.Count);
        var error = ex.Errors.Single(e => e.Key != "superset:database.memoryMi");
        Assert.Equal("superset:queues.default.concurrency", error.Key);
        Assert.Contains("at most 4", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Grace_period_covers_prestop_and_the_hard_limit_and_visibility_exceeds_every_hard_limit()
    {
        var plan = PlanOf("config:\n  superset:queues:\n    reports:\n      softTimeLimitSeconds: 1700\n      hardTimeLimitSeconds: 1800\n");
        foreach (var pool in plan.Queues)
        {
            Assert.True(pool.Shutdown.TerminationGracePeriodSeconds > pool.Shutdown.PreStopSeconds + pool.Limits.HardSeconds);
            Assert.True(plan.Celery.VisibilityTimeoutSeconds > pool.Limits.HardSeconds + pool.Shutdown.PreStopSeconds);
        }

        Assert.True(plan.Web.Shutdown.TerminationGracePeriodSeconds > plan.Web.Shutdown.PreStopSeconds + plan.Web.GracefulTimeoutSeconds);
    }

    [Fact]
    public void The_plan_table_names_the_engine_and_each_pools_timing()
    {
        var keda = PlanTable.Of(PlanOf("config:\n  superset:tier: medium\n"));
        Assert.Contains("KEDA ScaledObjects", keda, StringComparison.Ordinal);
        Assert.Matches(@"\n  reports +2\* +1 +3 +30 +off +15 +60/5 +30/300 ", keda);
        Assert.Matches(@"\n  cache +2\* +0 +3 +150 +off +0 +600/5 +60/600 ", keda);

        var hpa = PlanTable.Of(PlanOf("config:\n  superset:tier: medium\n  superset:autoscaling:\n    engine: hpa\n"));
        Assert.Contains("HPAs on prometheus-adapter", hpa, StringComparison.Ordinal);
        Assert.DoesNotContain("poll/cooldown", hpa, StringComparison.Ordinal);
        // No CPU model, no CPU per task (docs/decisions/0006-autoscaling-across-days.md).
        Assert.DoesNotContain("cpuMillisPerTask", PlanDocument.Json(PlanOf("config:\n  superset:tier: medium\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void Pools_sleep_at_zero_where_the_search_across_days_put_them_and_start_at_one_under_the_hpa()
    {
        // docs/decisions/0006-autoscaling-across-days.md: `simulate --frontier --seeds 1-20` per tier.
        foreach (var (tier, atZero) in new[] { ("small", new[] { "exports", "reports", "cache" }), ("medium", ["cache"]), ("large", ["reports", "cache"]) })
        {
            var plan = PlanOf($"config:\n  superset:tier: {tier}\n");
            Assert.Equal(atZero, plan.Queues.Where(q => q.Replicas.Min == 0).Select(q => q.Name));
            Assert.All(plan.Queues.Where(q => q.Replicas.Min == 0), q => Assert.True(q.WaitTargetSeconds >= AutoscalerPolicy.PodStartSeconds + q.Autoscaler.Keda.PollingIntervalSeconds));
            var hpa = PlanOf($"config:\n  superset:tier: {tier}\n  superset:autoscaling:\n    engine: hpa\n");
            Assert.All(hpa.Queues, q => Assert.True(q.Replicas.Min >= 1));
        }
    }

    [Theory]
    [InlineData("config:\n  superset:web:\n    maxReplicas: 2\n  superset:tier: medium\n", "superset:web.maxReplicas", "at least 4")]
    [InlineData("config:\n  superset:queues:\n    exports:\n      minReplicas: 5\n      maxReplicas: 3\n", "superset:queues.exports.minReplicas", "at most maxReplicas (3)")]
    [InlineData("config:\n  superset:queues:\n    cache:\n      softTimeLimitSeconds: 300\n", "superset:queues.cache.softTimeLimitSeconds", "less than hardTimeLimitSeconds (300)")]
    [InlineData("config:\n  superset:queues:\n    exports:\n      taskP95Seconds: 560\n", "superset:queues.exports.softTimeLimitSeconds", "p95")]
    [InlineData("config:\n  superset:web:\n    memoryMi: 400\n", "superset:web.memoryMi", "= 500")]
    [InlineData("config:\n  superset:queues:\n    reports:\n      cpuTargetPercent: 100\n", "superset:queues.reports.cpuTargetPercent", "0 leaves CPU out")]
    [InlineData("config:\n  superset:queues:\n    reports:\n      cpuTargetPercent: 10\n", "superset:queues.reports.cpuTargetPercent", "a whole number from 30 to 95")]
    // Scale to zero: KEDA only, and only where the wait target covers a cold start (45 s + polling).
    [InlineData("config:\n  superset:queues:\n    default:\n      minReplicas: 0\n", "superset:queues.default.minReplicas", "a cold start takes up to 75 s")]
    [InlineData("config:\n  superset:queues:\n    cache:\n      minReplicas: 0\n      pollingIntervalSeconds: 900\n", "superset:queues.cache.minReplicas", "above the wait target of 900 s")]
    [InlineData("config:\n  superset:autoscaling:\n    engine: hpa\n  superset:queues:\n    reports:\n      minReplicas: 0\n", "superset:queues.reports.minReplicas", "an HPA never scales below one pod")]
    [InlineData("config:\n  superset:autoscaling:\n    engine: prometheus\n", "superset:autoscaling.engine", "keda (ScaledObjects")]
    // 500 tasks/min × 2 s keep 16.7 children busy; 4 pods × 4 children is 16.
    [InlineData("config:\n  superset:queues:\n    default:\n      peakTasksPerMinute: 500\n", "superset:queues.default.maxReplicas", "at least 5")]
    // Longer exports at the same arrivals: 4.8/min × 60 s = 4.8 busy children, 2 pods × 2 hold 4.
    [InlineData("config:\n  superset:queues:\n    exports:\n      taskMeanSeconds: 60\n", "superset:queues.exports.maxReplicas", "at least 3")]
    [InlineData("config:\n  superset:teir: large\n", "superset:teir", "superset:tier")]
    [InlineData("config:\n  superset:monitoring:\n    namespace: Monitoring\n", "superset:monitoring.namespace", "namespace of Prometheus")]
    [InlineData("config:\n  superset:monitoring:\n    releaseLabel: \"kube prometheus\"\n", "superset:monitoring.releaseLabel", "Helm release name")]
    public void A_plan_that_cannot_work_names_the_key_to_change(string yaml, string key, string hint)
    {
        var ex = Refused(yaml);
        Assert.Contains(ex.Errors, e => e.Key == key && e.Expected.Contains(hint, StringComparison.Ordinal));
    }

    [Fact]
    public void Connection_budget_names_the_instance_class_and_a_class_that_holds_it()
    {
        // Large tier (28 web pods × 9 processes × 8) on a 4 GiB class: max_connections 396, budget 277.
        var ex = Refused("config:\n  superset:tier: large\n  superset:dataServices: aws\n  superset:database:\n    instanceClass: db.t4g.medium\n");
        var error = Assert.Single(ex.Errors);
        Assert.Equal("superset:database.instanceClass", error.Key);
        Assert.Equal("db.t4g.medium", error.Value);
        Assert.Contains("web.maxReplicas", error.Expected, StringComparison.Ordinal);
        Assert.Contains("a class whose max_connections", error.Expected, StringComparison.Ordinal); // no t4g is big enough

        var r6g = Refused("config:\n  superset:tier: large\n  superset:dataServices: aws\n  superset:database:\n    instanceClass: db.r6g.large\n");
        Assert.Contains("db.r6g.2xlarge or larger", Assert.Single(r6g.Errors).Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_budget_counts_a_pool_at_its_maximum()
    {
        var ok = PlanOf("config:\n  superset:database:\n    maxConnections: 200\n");
        var tooMany = Refused("config:\n  superset:database:\n    maxConnections: 200\n  superset:queues:\n    default:\n      maxReplicas: 20\n");
        var error = Assert.Single(tooMany.Errors);
        Assert.Equal("superset:database.maxConnections", error.Key);
        Assert.Contains("queues.default.maxReplicas", error.Expected, StringComparison.Ordinal);
        Assert.True(ok.Database.ConnectionsAtMax <= 140);

        var inCluster = Refused("config:\n  superset:database:\n    memoryMi: 512\n");
        Assert.Equal("superset:database.memoryMi", Assert.Single(inCluster.Errors).Key);
    }

    [Fact]
    public void Broker_never_evicts_and_cache_does()
    {
        var plan = PlanOf("config:\n  superset:redis:\n    broker:\n      memoryMi: 400\n      reservedMemoryPercent: 50\n");
        Assert.Equal("noeviction", plan.Broker.MaxMemoryPolicy);
        Assert.Equal("allkeys-lru", plan.Cache.MaxMemoryPolicy);
        Assert.Equal(200L * 1024 * 1024, plan.Broker.MaxMemoryBytes);

        var aws = PlanOf("config:\n  superset:dataServices: aws\n");
        Assert.Equal((long)(1.37m * 0.75m * 1024 * 1024 * 1024), aws.Broker.MaxMemoryBytes); // cache.t4g.small
    }

    [Fact]
    public void Each_redis_role_is_typed_and_carries_what_its_components_need()
    {
        var plan = PlanOf("config:\n  superset:dataServices: aws\n  superset:aws:\n    multiAz: false\n" + AwsNetwork[16..]);
        Assert.Equal((RedisRole.Broker, true, "broker"), (plan.Broker.Role, plan.Broker.Persistent, plan.Broker.Name));
        Assert.Equal((RedisRole.Cache, false, "cache"), (plan.Cache.Role, plan.Cache.Persistent, plan.Cache.Name));
        Assert.Equal(1, plan.Broker.NodesPerGroup); // no replica without Multi-AZ
        Assert.Equal(2, PlanOf("config:\n  superset:tier: medium\n  superset:dataServices: aws\n").Cache.NodesPerGroup);
        Assert.Null(PlanOf("config:\n").Broker.NodesPerGroup); // in the cluster: one pod, no group
    }

    [Fact]
    public void The_plan_is_derived_data_with_no_settings_object()
    {
        // Components read the plan only: nothing of it may be the settings aggregate (docs/decisions/0001-one-plan-no-settings.md).
        Assert.DoesNotContain(typeof(StackPlan).GetProperties(), p => p.PropertyType == typeof(StackSettings));

        var plan = PlanOf("config:\n  superset:web:\n    timeoutSeconds: 200\n  superset:ingress:\n    host: bi.example.com\n    tlsSecretName: bi-tls\n");
        Assert.Equal(200 + Planner.ProxyTimeoutMarginSeconds, plan.Ingress.ProxyTimeoutSeconds);
        Assert.True(plan.Ingress.Tls);
        Assert.False(plan.OnAws);
        Assert.Null(plan.Aws);
        Assert.Contains(TopologyBuilder.For(plan).Workloads, w => w.Component == "postgresql");
    }

    [Fact]
    public void Diff_shows_what_one_sizing_input_moves_and_nothing_else()
    {
        var before = PlanOf("config:\n  superset:tier: medium\n  superset:dataServices: aws\n");
        var after = PlanOf("config:\n  superset:tier: medium\n  superset:dataServices: aws\n  superset:sizing:\n    peakConcurrentUsers: 1000\n");
        var changes = PlanDiff.Compare(before, after).ToDictionary(c => c.Key);
        Assert.Equal(("500", "1000"), (changes["sizing.peakConcurrentUsers"].Before, changes["sizing.peakConcurrentUsers"].After));
        Assert.Equal(("156", "312"), (changes["web.requiredWorkers"].Before, changes["web.requiredWorkers"].After));
        Assert.Equal(("4", "8"), (changes["web.replicas"].Before, changes["web.replicas"].After));
        Assert.DoesNotContain(changes.Keys, k => k.StartsWith("queues", StringComparison.Ordinal));
        Assert.Empty(PlanDiff.Compare(before, before));
    }

    [Fact]
    public void Plan_command_prints_json_and_reports_bad_settings_without_a_stack_trace()
    {
        var dir = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(dir.FullName, "Pulumi.ok.yaml"), "config:\n  superset:tier: medium\n  superset:cost:\n    region: us-east-1\n");
        File.WriteAllText(Path.Combine(dir.FullName, "Pulumi.bad.yaml"), "config:\n  superset:web:\n    maxReplicas: 1\n");
        var (out1, err1) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, PlanCommand.Run("ok", json: true, null, out1, err1, dir.FullName));
        using var json = JsonDocument.Parse(out1.ToString());
        Assert.Equal(4, json.RootElement.GetProperty("web").GetProperty("replicas").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("queues").GetArrayLength());

        var (out2, err2) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, PlanCommand.Run("bad", json: false, null, out2, err2, dir.FullName));
        Assert.Contains("superset:web.maxReplicas = 1", err2.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err2.ToString(), StringComparison.Ordinal);

        var missing = PlanCommand.Create(dir.FullName).Parse([]);
        Assert.NotEmpty(missing.Errors);
    }

    [Fact]
    public void Committed_stack_files_plan()
    {
        var root = RepoRoot();
        Assert.Equal("small", Planner.PlanFile("dev", root).Plan.Tier);
        var prod = Planner.PlanFile("prod", root).Plan;
        Assert.Equal(("medium", "aws"), (prod.Tier, prod.DataServices));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pulumi.yaml not found above the test directory");
    }
}
