using Pulumi;
using Superset.Artifacts;
using Superset.Artifacts.Addons;
using Superset.Artifacts.Monitoring;
using Superset.Components;
using Superset.Components.Aws;
using Superset.Components.Kubernetes;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Planning;
using Superset.Planning.Sizing;
using Superset.Planning.Topology;

namespace Superset.Infra;

/// <summary>
/// The program: settings → plan → components → outputs. Nothing flows back. Kept apart from
/// <c>Program.cs</c> so the tests and <c>render</c> run it under the mock engine with any config source.
/// </summary>
public static class SupersetProgram
{
    /// <summary>The secret config key of the SMTP password (settings validate that it is set).</summary>
    private const string SmtpPasswordKey = "smtpPassword";

    /// <summary>
    /// Declares every resource of one stack and returns its outputs. <paramref name="secret"/> reads a
    /// secret config key (default: Pulumi's config, <c>RequireSecret</c>); tests pass their own.
    /// </summary>
    public static Dictionary<string, object?> Run(IConfigSource source, string stack, Func<string, Output<string>>? secret = null)
    {
        secret ??= key => new Config(StackFile.Namespace).RequireSecret(key);
        StackPlan plan;
        try
        {
            plan = Planner.Plan(SettingsLoader.Load(source), source.Origin);
        }
        catch (SettingsException ex)
        {
            // RunException ends the program with its message only: no stack trace, nothing deployed.
            throw new RunException(ex.Message);
        }

        var topology = TopologyBuilder.For(plan);
        var ns = new SupersetNamespace("superset", new SupersetNamespaceArgs { Name = plan.Namespace, Instance = stack, Tier = plan.Tier });
        var inNamespace = new ComponentResourceOptions { DependsOn = { ns } };
        var credentials = new SupersetCredentials("credentials", new SupersetCredentialsArgs
        {
            Namespace = ns.Name, Instance = stack,
            // The mail provider's password: a config secret (pulumi config set --secret), never plain.
            SmtpPassword = plan.Reports.Smtp?.User is null ? null : secret(SmtpPasswordKey),
        }, inNamespace);

        var data = plan.OnAws
            ? AwsData(plan, stack, credentials)
            : InClusterData(plan, stack, ns, credentials, inNamespace);

        var config = new SupersetConfig("config", new SupersetConfigArgs { Namespace = ns.Name, Instance = stack, Plan = plan }, inNamespace);
        var init = new SupersetInit("init", new SupersetInitArgs
        {
            Namespace = ns.Name, Instance = stack, Data = data.Connections, ConfigSecret = config.SecretName, ConfigChecksum = config.Checksum, Image = plan.Image,
        }, new ComponentResourceOptions { DependsOn = data.Dependencies.Append(ns).ToArray() });

        // Web and workers roll only after the migrations of their image and config have run.
        var afterInit = new ComponentResourceOptions { DependsOn = { init } };
        var web = new SupersetWeb("web", new SupersetWebArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Web, Data = data.Connections, ConfigSecret = config.SecretName,
            ConfigChecksum = config.Checksum, Image = plan.Image,
        }, afterInit);
        // Cluster add-ons the stack installs, each after those whose CRDs or APIs it uses.
        var addons = new Dictionary<string, ClusterAddon>();
        foreach (var addon in ClusterAddons.For(plan))
        {
            var addonOptions = new ComponentResourceOptions();
            addonOptions.DependsOn.AddRange(addon.DependsOn.Select(key => (Resource)addons[key]).ToList());
            addons[addon.Key] = new ClusterAddon(addon.Key, new ClusterAddonArgs
            {
                Chart = addon.Chart, ReleaseName = addon.ReleaseName, Namespace = addon.Namespace, Values = addon.Values,
            }, addonOptions);
        }

        Resource[] AddonsOf(params string[] keys) => keys.Where(addons.ContainsKey).Select(k => (Resource)addons[k]).ToArray();

        // Engine keda: the pools' ScaledObjects (KEDA's CRDs, from its chart when the stack installs it)
        // read the broker through one TriggerAuthentication; no hand-made HPA per pool.
        var keda = plan.Keda;
        var kedaAuth = keda
            ? new KedaAuthentication("keda", new KedaAuthenticationArgs { Namespace = ns.Name, Instance = stack, CredentialsSecret = credentials.SecretName },
                new ComponentResourceOptions { DependsOn = AddonsOf(ClusterAddons.Keda).Append(ns).ToArray() })
            : null;
        var poolOptions = new ComponentResourceOptions { DependsOn = AddonsOf(ClusterAddons.Keda).Append(init).ToArray() };
        var pools = plan.Queues.ToDictionary(q => q.Name, q => new WorkerPool($"worker-{q.Name}", new WorkerPoolArgs
        {
            Namespace = ns.Name, Instance = stack, Pool = q, Data = data.Connections, ConfigSecret = config.SecretName,
            ConfigChecksum = config.Checksum, Image = plan.Image, QueueDepthMetric = plan.Monitoring.Enabled,
            KedaAuthentication = kedaAuth is null ? null : (Input<string>)kedaAuth.Name,
        }, poolOptions));
        _ = new CeleryBeat("beat", new CeleryBeatArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Beat, Data = data.Connections, ConfigSecret = config.SecretName,
            ConfigChecksum = config.Checksum, Image = plan.Image,
        }, afterInit);
        var ingressOptions = new ComponentResourceOptions { DependsOn = AddonsOf(ClusterAddons.IngressNginx).Append(ns).ToArray() };

        // Services the Ingress routes to, by component; the topology says which paths exist.
        var services = new Dictionary<string, Output<string>> { [Workloads.Web.Component] = web.ServiceName };
        var gaq = plan.AsyncQueries;
        if (topology.Has(Workloads.Websocket.Component))
        {
            services[Workloads.Websocket.Component] = new WebsocketServer("websocket", new WebsocketServerArgs
            {
                Namespace = ns.Name, Instance = stack, Data = data.Connections, Image = gaq.WebsocketImage!,
            }, inNamespace).ServiceName;
        }

        if (topology.Has(Workloads.Flower.Component))
        {
            services[Workloads.Flower.Component] = new Flower("flower", new FlowerArgs { Namespace = ns.Name, Instance = stack, Data = data.Connections }, inNamespace).ServiceName;
        }

        var ingress = new SupersetIngress("ingress", new SupersetIngressArgs
        {
            Namespace = ns.Name, Instance = stack, Ingress = plan.Ingress, WebService = web.ServiceName,
            ExtraPaths = topology.IngressRoutes.Select(r => (r.Path, (Input<string>)services[r.Component], r.Port)).ToList(),
        }, ingressOptions);

        if (plan.Monitoring.Enabled)
        {
            var queues = plan.Queues.Select(q => q.Name).ToList();
            _ = new CeleryExporter("celery-exporter", new CeleryExporterArgs { Namespace = ns.Name, Instance = stack, Data = data.Connections, Queues = queues }, inNamespace);
            _ = new PostgresExporter("postgres-exporter", new PostgresExporterArgs { Namespace = ns.Name, Instance = stack, Data = data.Connections }, inNamespace);
            if (plan.OnAws)
            {
                // ElastiCache runs no sidecar: an exporter per group, under the in-cluster names.
                foreach (var (role, redis, key) in new[] { (plan.Broker, data.Connections.Broker, CredentialKeys.BrokerPassword), (plan.Cache, data.Connections.Cache, CredentialKeys.CachePassword) })
                {
                    _ = new RedisExporter($"redis-{role.Name}-exporter", new RedisExporterArgs
                    {
                        Namespace = ns.Name, Instance = stack, Role = role.Name, Redis = redis, CredentialsSecret = data.Connections.CredentialsSecret,
                        PasswordKey = key, CredentialsChecksum = data.Connections.CredentialsChecksum,
                    }, inNamespace);
                }
            }

            // ServiceMonitors and PrometheusRules need kube-prometheus-stack's CRDs when it installs them.
            var monitoringOptions = new ComponentResourceOptions
            {
                DependsOn = AddonsOf(ClusterAddons.KubePrometheusStack, ClusterAddons.PrometheusAdapter).Append(ns).ToArray(),
            };

            _ = new SupersetMonitoring("monitoring", new SupersetMonitoringArgs
            {
                Namespace = ns.Name, Instance = stack, ReleaseLabel = plan.Monitoring.ReleaseLabel,
                Scraped = topology.MetricsWorkloads, AlertGroups = AlertRules.For(AlertThresholds.For(plan)),
                Dashboards = Dashboards.For(plan).ToDictionary(d => d.Uid, d => Dashboards.Json(d, plan.Namespace)),
                DashboardNamespace = plan.Monitoring.Namespace,
            }, monitoringOptions);
        }

        _ = new NetworkPolicies("network", new NetworkPoliciesArgs { Namespace = ns.Name, Instance = stack, Policies = topology.Policies() }, inNamespace);

        var outputs = new Dictionary<string, object?>
        {
            ["plan"] = PlanOutputs.From(plan),
            ["namespace"] = ns.Name,
            // Encrypted in the state; shown only by `pulumi stack output --show-secrets adminPassword`.
            ["adminPassword"] = Output.CreateSecret(credentials.AdminPassword),
            ["url"] = ingress.Url,
            ["workerDeployments"] = Output.All(pools.Values.Select(p => p.DeploymentName)),
            ["credentialsSecret"] = credentials.SecretName,
        };
        if (!plan.Keda)
        {
            // What an existing prometheus-adapter must serve for the pools' HPAs (merge into its
            // values); with KEDA the pools read the broker and no adapter is involved.
            outputs["prometheusAdapterRules"] = AdapterRules.ValuesYaml();
        }

        return outputs;
    }

    private static (DataConnections Connections, Resource[] Dependencies) AwsData(StackPlan plan, string stack, SupersetCredentials credentials)
    {
        var tier = new AwsDataTier("data", new AwsDataTierArgs
        {
            Plan = plan,
            DatabasePassword = credentials.DatabasePassword,
            BrokerAuthToken = credentials.BrokerPassword,
            CacheAuthToken = credentials.CachePassword,
            Tags = Tags(stack),
        });
        _ = new AwsAlarms("alarms", new AwsAlarmsArgs
        {
            Alarms = CloudWatchAlarms.For(plan, plan.Aws!.AllocatedStorageGb),
            DatabaseIdentifier = tier.DatabaseIdentifier,
            BrokerGroupId = tier.BrokerGroupId,
            CacheGroupId = tier.CacheGroupId,
            NodesPerGroup = plan.Broker.NodesPerGroup ?? 1,
            TopicArn = plan.Aws!.AlarmTopicArn,
            Tags = Tags(stack),
        });
        var connections = new DataConnections
        {
            DatabaseHost = tier.DatabaseAddress,
            // Encrypted and the server verified against RDS's CA bundle, which docker/Dockerfile puts
            // in the image (README, "Database TLS"): require alone would accept any certificate.
            DatabaseSslMode = "verify-full",
            DatabaseSslRootCert = SupersetEnv.RdsCaBundlePath,
            SmtpPasswordInSecret = plan.Reports.Smtp?.User is not null,
            Broker = new RedisConnection(tier.BrokerAddress, 6379, Tls: true),
            Cache = new RedisConnection(tier.CacheAddress, 6379, Tls: true),
            CredentialsSecret = credentials.SecretName,
            CredentialsChecksum = credentials.Checksum,
        };
        return (connections, [tier, credentials]);
    }

    private static Dictionary<string, string> Tags(string stack) =>
        new() { ["app"] = "superset", ["stack"] = stack, ["managed-by"] = "pulumi" };

    private static (DataConnections Connections, Resource[] Dependencies) InClusterData(
        StackPlan plan, string stack, SupersetNamespace ns, SupersetCredentials credentials, ComponentResourceOptions options)
    {
        var postgres = new PostgresServer("postgresql", new PostgresServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Database, CredentialsSecret = credentials.SecretName,
        }, options);
        var broker = new RedisServer("redis-broker", new RedisServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Broker, CredentialsSecret = credentials.SecretName, PasswordKey = CredentialKeys.BrokerPassword,
            CredentialsChecksum = credentials.Checksum,
        }, options);
        var cache = new RedisServer("redis-cache", new RedisServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Cache, CredentialsSecret = credentials.SecretName, PasswordKey = CredentialKeys.CachePassword,
            CredentialsChecksum = credentials.Checksum,
        }, options);
        var connections = new DataConnections
        {
            DatabaseHost = postgres.Host,
            DatabaseSslMode = "disable", // pod-to-pod in one namespace, behind the NetworkPolicy
            SmtpPasswordInSecret = plan.Reports.Smtp?.User is not null,
            Broker = new RedisConnection(broker.Host, RedisConf.Port, Tls: false),
            Cache = new RedisConnection(cache.Host, RedisConf.Port, Tls: false),
            CredentialsSecret = credentials.SecretName,
            CredentialsChecksum = credentials.Checksum,
        };
        return (connections, [postgres, broker, cache, credentials]);
    }
}
