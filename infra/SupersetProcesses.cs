using Pulumi;
using Superset.Artifacts;
using Superset.Artifacts.Addons;
using Superset.Components.Kubernetes;
using Superset.Planning.Workloads;

namespace Superset.Infra;

/// <summary>Superset's own processes: its config, the init Job, web, a worker pool per queue, beat.</summary>
internal static class SupersetProcesses
{
    /// <summary>What was declared: the web tier and the pools, for the Ingress and the outputs.</summary>
    public sealed record Declared(SupersetWeb Web, IReadOnlyList<WorkerPool> Pools);

    /// <summary>Declares Superset's processes, each after what it needs.</summary>
    public static Declared Declare(StackScope scope, DataConnections data, Resource[] dataDependencies, AddonSet addons)
    {
        var (plan, stack, ns) = (scope.Plan, scope.Stack, scope.Namespace);
        // Superset's account (serviceAccount.create): every Superset pod runs as it, so it exists first.
        var account = ServiceAccounts.Superset(plan.Pods.ServiceAccount, ns.Name, stack, new CustomResourceOptions { DependsOn = { ns } });
        dataDependencies = account is null ? dataDependencies : [.. dataDependencies, account];
        var config = new SupersetConfig("config", new SupersetConfigArgs { Namespace = ns.Name, Instance = stack, Plan = plan }, scope.InNamespace);
        var init = new SupersetInit("init", new SupersetInitArgs
        {
            Namespace = ns.Name, Instance = stack, Data = data, ConfigSecret = config.SecretName, ConfigChecksum = config.Checksum, Image = plan.Image,
            Script = SupersetInitScript.Script(plan),
            Pods = plan.Pods,
        }, new ComponentResourceOptions { DependsOn = dataDependencies.Append(ns).ToArray() });

        // Web and workers roll only after the migrations of their image and config have run.
        var afterInit = new ComponentResourceOptions { DependsOn = { init } };
        var web = new SupersetWeb("web", new SupersetWebArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Web, Data = data, ConfigSecret = config.SecretName,
            ConfigChecksum = config.Checksum, Image = plan.Image, Ingress = plan.Ingress, Pods = plan.Pods,
        }, afterInit);

        // Engine keda: the pools' ScaledObjects (KEDA's CRDs, from its chart when the stack installs it)
        // read the broker through one TriggerAuthentication; no hand-made HPA per pool.
        var kedaAuth = plan.Keda
            ? new KedaAuthentication("keda", new KedaAuthenticationArgs
            {
                Namespace = ns.Name, Instance = stack, CredentialsSecret = data.Secret(CredentialKeys.BrokerPassword).Secret,
                PasswordKey = data.Secret(CredentialKeys.BrokerPassword).Key,
            },
                new ComponentResourceOptions { DependsOn = addons.Of(ClusterAddons.Keda).Append(ns).ToArray() })
            : null;
        var poolOptions = new ComponentResourceOptions { DependsOn = addons.Of(ClusterAddons.Keda).Append(init).ToArray() };
        var pools = plan.Queues.Select(q => new WorkerPool($"worker-{q.Name}", new WorkerPoolArgs
        {
            Namespace = ns.Name, Instance = stack, Pool = q, Data = data, ConfigSecret = config.SecretName,
            ConfigChecksum = config.Checksum, Image = plan.Image, QueueDepthMetric = plan.Monitoring.Enabled,
            KedaAuthentication = kedaAuth is null ? null : (Input<string>)kedaAuth.Name,
            Pods = plan.Pods,
        }, poolOptions)).ToList();
        _ = new CeleryBeat("beat", new CeleryBeatArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Beat, Data = data, ConfigSecret = config.SecretName,
            ConfigChecksum = config.Checksum, Image = plan.Image, Pods = plan.Pods,
        }, afterInit);
        return new Declared(web, pools);
    }
}
