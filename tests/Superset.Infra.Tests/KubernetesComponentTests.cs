using System.Text.RegularExpressions;
using Superset.Analysis.Render;
using Superset.Artifacts;
using Superset.Catalog;
using Superset.Planning;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The Kubernetes components as the dev stack declares them, one rule per test, read from what the
/// mock engine received: the manifests `pulumi up` would apply.
/// </summary>
[Collection("pulumi")]
public sealed class KubernetesComponentTests
{
    private static readonly StackPlan Dev = Harness.PlanOf("dev");

    private static Task<Run> DevAsync() => Harness.StackAsync("dev");

    [Fact]
    public async Task Web_runs_gunicorn_exec_d_with_the_planned_workers_and_threads()
    {
        var web = (await DevAsync()).Object("Deployment", "superset-web");
        var container = web.Pod.Container("web");
        var command = string.Join(' ', container.Strings("command"));

        Assert.StartsWith("gunicorn", container.Strings("command")[0], StringComparison.Ordinal); // PID 1: SIGTERM reaches gunicorn
        Assert.Contains($"--workers={Dev.Web.GunicornWorkers}", command, StringComparison.Ordinal);
        Assert.Contains($"--threads={Dev.Web.Threads}", command, StringComparison.Ordinal);
        Assert.Equal(Dev.Web.Autoscaler.Replicas.Min, web.Number("spec.replicas")); // created at the floor; the autoscaler owns it after
    }

    [Fact]
    public async Task Web_probes_health_and_pauses_before_shutdown_so_endpoints_drain()
    {
        var web = (await DevAsync()).Object("Deployment", "superset-web");
        var container = web.Pod.Container("web");

        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("/health", container.At($"{probe}.httpGet.path"));
        }

        Assert.Equal(["sleep", Dev.Web.Shutdown.PreStopSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)], container.Strings("lifecycle.preStop.exec.command"));
        Assert.Equal(Dev.Web.Shutdown.TerminationGracePeriodSeconds, web.Number("spec.template.spec.terminationGracePeriodSeconds"));
    }

    [Fact]
    public async Task One_deployment_per_queue_each_consuming_only_its_own_queue()
    {
        var run = await DevAsync();
        var workers = run.All("Deployment").Where(d => d.Name.StartsWith("superset-worker-", StringComparison.Ordinal)).ToList();

        Assert.Equal(Dev.Queues.Select(q => $"superset-worker-{q.Name}").Order(), workers.Select(w => w.Name).Order());
        foreach (var pool in Dev.Queues)
        {
            var argv = run.Object("Deployment", $"superset-worker-{pool.Name}").Pod.Container("worker").Strings("command");
            Assert.Contains($"--queues={pool.Name}", argv);
            Assert.Contains($"--concurrency={pool.Concurrency}", argv);
            Assert.Contains($"--hostname={pool.Name}@%h", argv);
            Assert.Contains($"--time-limit={pool.Limits.HardSeconds}", argv);
        }
    }

    [Fact]
    public async Task A_worker_prestop_stops_only_its_own_node_and_its_grace_period_outlasts_the_hard_limit()
    {
        var run = await DevAsync();
        foreach (var pool in Dev.Queues)
        {
            var deployment = run.Object("Deployment", $"superset-worker-{pool.Name}");
            var preStop = string.Join(' ', deployment.Pod.Container("worker").Strings("lifecycle.preStop.exec.command"));

            Assert.Equal(CeleryCommands.PreStop(pool), deployment.Pod.Container("worker").Strings("lifecycle.preStop.exec.command"));
            Assert.Contains($"cancel_consumer \"{pool.Name}@$HOSTNAME\" {pool.Name} ", preStop, StringComparison.Ordinal);
            Assert.DoesNotContain("shutdown", preStop, StringComparison.Ordinal); // never a broadcast stop
            Assert.True(deployment.Number("spec.template.spec.terminationGracePeriodSeconds") > pool.Shutdown.PreStopSeconds + pool.Limits.HardSeconds);
        }
    }

    [Fact]
    public async Task Workers_have_a_liveness_probe_on_their_own_node_and_no_readiness_probe()
    {
        var run = await DevAsync();
        foreach (var pool in Dev.Queues)
        {
            var worker = run.Object("Deployment", $"superset-worker-{pool.Name}").Pod.Container("worker");
            Assert.Null(worker.At("readinessProbe"));
            Assert.Equal(CeleryCommands.Liveness(pool), worker.Strings("livenessProbe.exec.command"));
            Assert.Contains($"ping \"{pool.Name}@$HOSTNAME\"", string.Join(' ', worker.Strings("livenessProbe.exec.command")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_pool_and_the_web_tier_have_a_disruption_budget_selecting_their_pods()
    {
        var run = await DevAsync();
        foreach (var name in Dev.Queues.Select(q => $"superset-worker-{q.Name}").Append("superset-web"))
        {
            var deployment = run.Object("Deployment", name);
            var pdb = run.Object("PodDisruptionBudget", name);
            Assert.Equal("policy/v1", pdb.At("apiVersion"));
            Assert.Equal(deployment.Map("spec.selector.matchLabels"), pdb.Map("spec.selector.matchLabels"));
        }
    }

    [Fact]
    public async Task Beat_runs_exactly_one_replica_and_never_two_during_a_rollout()
    {
        var beat = (await DevAsync()).Object("Deployment", "superset-beat");
        Assert.Equal(1L, beat.Number("spec.replicas"));
        Assert.Equal("Recreate", beat.At("spec.strategy.type"));
    }

    [Fact]
    public async Task Config_changes_roll_every_superset_pod_through_the_checksum_annotation()
    {
        // A longer hard limit moves the broker's visibility timeout in superset_config.py.
        var before = await Harness.YamlAsync("config:\n  superset:tier: small\n");
        var after = await Harness.YamlAsync("config:\n  superset:tier: small\n  superset:queues:\n    reports:\n      softTimeLimitSeconds: 1700\n      hardTimeLimitSeconds: 1800\n");

        string Checksum(Run run, string deployment) =>
            (string)run.Object("Deployment", deployment).Map("spec.template.metadata.annotations")["superset.apache.org/config-checksum"]!;

        foreach (var name in new[] { "superset-web", "superset-beat", "superset-worker-default" })
        {
            Assert.NotEqual(Checksum(before, name), Checksum(after, name));
        }
    }

    [Fact]
    public async Task The_init_job_is_renamed_and_so_rerun_when_the_image_changes()
    {
        var before = (await DevAsync()).All("Job").Single();
        var after = (await Harness.YamlAsync(
            File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.dev.yaml")) + "  superset:image: apache/superset:5.0.1-dev\n", "dev")).All("Job").Single();

        Assert.Matches("^superset-init-[0-9a-f]{10}$", before.Name);
        Assert.NotEqual(before.Name, after.Name);
        Assert.Contains("superset db upgrade", string.Join(' ', before.Pod.Container("init").Strings("command")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broker_redis_never_evicts_and_keeps_its_data_on_a_volume()
    {
        var run = await DevAsync();
        var conf = (string)run.Object("ConfigMap", "superset-redis-broker").Map("data")["redis.conf"]!;
        var broker = run.Object("StatefulSet", "superset-redis-broker");

        Assert.Contains("maxmemory-policy noeviction", conf, StringComparison.Ordinal);
        Assert.Contains("appendonly yes", conf, StringComparison.Ordinal);
        Assert.Equal("data", broker.At("spec.volumeClaimTemplates.0.metadata.name"));
    }

    [Fact]
    public async Task Cache_redis_evicts_least_recently_used_keys_and_keeps_nothing_on_disk()
    {
        var run = await DevAsync();
        var conf = (string)run.Object("ConfigMap", "superset-redis-cache").Map("data")["redis.conf"]!;
        var cache = run.Object("StatefulSet", "superset-redis-cache");

        Assert.Contains("maxmemory-policy allkeys-lru", conf, StringComparison.Ordinal);
        Assert.Contains("appendonly no", conf, StringComparison.Ordinal);
        Assert.Empty(cache.List("spec.volumeClaimTemplates"));
    }

    [Theory]
    [InlineData("broker")]
    [InlineData("cache")]
    public async Task Redis_maxmemory_stays_below_the_container_limit_and_an_exporter_runs_beside_it(string role)
    {
        var run = await DevAsync();
        var conf = (string)run.Object("ConfigMap", $"superset-redis-{role}").Map("data")["redis.conf"]!;
        var pod = run.Object("StatefulSet", $"superset-redis-{role}").Pod;
        var maxmemory = long.Parse(Regex.Match(conf, @"^maxmemory (\d+)$", RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var limitMi = long.Parse(((string)pod.Container("redis").At("resources.limits.memory")!).TrimEnd('i', 'M'), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(maxmemory < limitMi * 1024 * 1024);
        Assert.Equal(9121L, pod.Container("metrics").Number("ports.0.containerPort"));
    }

    [Fact]
    public async Task In_cluster_postgresql_allows_the_planned_max_connections()
    {
        var postgres = (await DevAsync()).Object("StatefulSet", "superset-postgresql");
        var argv = string.Join(' ', postgres.Pod.Container("postgresql").Strings("args").Concat(postgres.Pod.Container("postgresql").Strings("command")));
        Assert.Contains($"max_connections={Dev.Database.MaxConnections}", argv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingress_uses_nginx_with_proxy_timeouts_above_the_gunicorn_timeout()
    {
        var ingress = (await DevAsync()).Object("Ingress", "superset");
        var annotations = ingress.Map("metadata.annotations");

        Assert.Equal("nginx", ingress.At("spec.ingressClassName"));
        Assert.True(int.Parse((string)annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]!, System.Globalization.CultureInfo.InvariantCulture) > Dev.Web.TimeoutSeconds);
        Assert.Equal("superset-web", ingress.At("spec.rules.0.http.paths.0.backend.service.name"));
    }

    [Fact]
    public async Task Ingress_terminates_tls_with_the_configured_secret()
    {
        var run = await Harness.YamlAsync("config:\n  superset:ingress:\n    host: bi.example.com\n    tlsSecretName: bi-tls\n");
        var ingress = run.Object("Ingress", "superset");

        Assert.Equal("bi-tls", ingress.At("spec.tls.0.secretName"));
        Assert.Equal(["bi.example.com"], ingress.Strings("spec.tls.0.hosts"));
        Assert.Equal("true", ingress.Map("metadata.annotations")["nginx.ingress.kubernetes.io/ssl-redirect"]);
    }

    [Fact]
    public async Task Every_pod_meets_the_restricted_pod_security_standard()
    {
        var run = await DevAsync();
        var pods = run.Manifests.Where(m => m.Kind is "Deployment" or "StatefulSet" or "Job").ToList();
        Assert.NotEmpty(pods);
        foreach (var owner in pods)
        {
            var pod = owner.Pod;
            Assert.True(pod.At("securityContext.runAsNonRoot") is true, $"{owner.Name}: runAsNonRoot");
            Assert.Equal("RuntimeDefault", pod.At("securityContext.seccompProfile.type"));
            foreach (var c in pod.Items("containers").Concat(pod.Items("initContainers")))
            {
                var where = $"{owner.Name}/{c.At("name")}";
                Assert.True(c.At("securityContext.allowPrivilegeEscalation") is false, $"{where}: allowPrivilegeEscalation");
                Assert.True(c.At("securityContext.readOnlyRootFilesystem") is true, $"{where}: readOnlyRootFilesystem");
                Assert.Equal(["ALL"], c.Strings("securityContext.capabilities.drop"));
            }
        }
    }

    [Fact]
    public async Task No_generated_secret_appears_outside_a_kubernetes_secret_or_in_the_outputs()
    {
        var run = await DevAsync();
        var randoms = run.Recorded.Where(r => r.Type.StartsWith("random:", StringComparison.Ordinal)).Select(r => Harness.RandomValueOf(r.Name)).ToList();
        Assert.NotEmpty(randoms);

        foreach (var resource in run.Recorded.Where(r => !(r.IsKubernetes && Equals(r.Inputs["kind"], "Secret") && !r.Name.Contains("config", StringComparison.Ordinal))))
        {
            var text = System.Text.Json.JsonSerializer.Serialize(ManifestWriter.ToPlain(resource.Inputs));
            Assert.All(randoms, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }

        // An output may carry a generated value only as a Pulumi secret (encrypted in the state).
        foreach (var (key, value) in run.Outputs)
        {
            if (value is Pulumi.Output<string> output && randoms.Contains(await Harness.ValueOf(output)))
            {
                Assert.True(await Pulumi.Output.IsSecretAsync(output), $"output {key} carries a generated secret in plain text");
            }
        }

        Assert.True(await Pulumi.Output.IsSecretAsync((Pulumi.Output<string>)run.Outputs["adminPassword"]!));
    }

    [Fact]
    public async Task Images_are_pinned_and_never_latest()
    {
        var run = await DevAsync();
        var images = run.Manifests.Where(m => m.Kind is "Deployment" or "StatefulSet" or "Job")
            .SelectMany(m => m.Pod.Items("containers").Select(c => (string)c.At("image")!)).Distinct().ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches(@"^[^:@]+(:[^:]+|@sha256:[0-9a-f]{64})$", image));
        Assert.DoesNotContain(images, i => i.EndsWith(":latest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ingress_controller_is_installed_from_its_pinned_chart_only_when_asked()
    {
        static IEnumerable<RenderedResource> Releases(Run run) =>
            run.Recorded.Where(r => r.Type == "kubernetes:helm.sh/v3:Release");

        Assert.Empty(Releases(await DevAsync()));

        var run = await Harness.YamlAsync("config:\n  superset:ingress:\n    installController: true\n    controllerNamespace: edge\n");
        var release = Manifest.Of(Assert.Single(Releases(run)));
        Assert.Equal("ingress-nginx", release.At("chart"));
        Assert.Equal(Charts.IngressNginx.Version, release.At("version"));
        Assert.Equal("edge", release.At("namespace"));
        Assert.Equal("nginx", release.At("values.controller.ingressClassResource.name"));
    }

    [Fact]
    public async Task Rotating_a_password_rolls_every_pod_that_reads_it()
    {
        static async Task<Dictionary<string, string>> Digests(Func<string, string> random)
        {
            var run = await Harness.StackAsync("dev", random);
            return run.Manifests.Where(m => m.Kind is "Deployment" or "StatefulSet")
                .Where(m => m.Map("spec.template.metadata.annotations").ContainsKey("superset.apache.org/credentials-checksum"))
                .ToDictionary(m => m.Name, m => (string)m.Map("spec.template.metadata.annotations")["superset.apache.org/credentials-checksum"]!);
        }

        var before = await Digests(Harness.RandomValueOf);
        var after = await Digests(name => name.EndsWith("redis-cache", StringComparison.Ordinal) ? "ROTATED" : Harness.RandomValueOf(name));

        foreach (var reader in new[] { "superset-web", "superset-beat", "superset-worker-default", "superset-redis-cache", "superset-redis-broker", "superset-celery-exporter", "superset-postgres-exporter" })
        {
            Assert.True(before.ContainsKey(reader), $"{reader} carries no credentials digest");
            Assert.NotEqual(before[reader], after[reader]);
        }
    }
}
