using Pulumi;
using Superset.Artifacts.Addons;
using Superset.Artifacts.Monitoring;
using Superset.Components;
using Superset.Components.Kubernetes;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Planning;
using Superset.Planning.Sizing;
using Superset.Planning.Topology;
using Superset.Planning.Workloads.Web;

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
        var scope = new StackScope(plan, stack, ns);
        var credentials = new SupersetCredentials("credentials", new SupersetCredentialsArgs
        {
            Namespace = ns.Name, Instance = stack,
            // The mail provider's password: a config secret (pulumi config set --secret), never plain.
            SmtpPassword = plan.Reports.Smtp?.User is null ? null : secret(SmtpPasswordKey),
            // OAuth client secrets, the LDAP bind password, Slack's token: config secrets too.
            ConfigSecrets = SupersetEnvironments.ConfigSecrets(plan).ToDictionary(s => s.CredentialKey, s => secret(s.ConfigKey), StringComparer.Ordinal),
            FromExistingSecrets = SupersetEnvironments.ExistingSecrets(plan).Keys.ToHashSet(StringComparer.Ordinal),
        }, scope.InNamespace);

        var (data, dataDependencies) = DataServices.Declare(scope, credentials);
        var addons = Addons(plan);
        var superset = SupersetProcesses.Declare(scope, data, dataDependencies, addons);
        var services = ServiceWorkloads(scope, data, superset.Web);
        var ingress = new SupersetIngress("ingress", new SupersetIngressArgs
        {
            Namespace = ns.Name, Instance = stack, Ingress = plan.Ingress, WebService = superset.Web.ServiceName,
            ExtraPaths = topology.IngressRoutes.Select(r => (r.Path, (Input<string>)services[r.Component], r.Port, topology.Workload(r.Component).Port(r.Port).ServicePort)).ToList(),
        }, new ComponentResourceOptions { DependsOn = addons.Of(ClusterAddons.IngressNginx).Append(ns).ToArray() });

        if (plan.Monitoring.Enabled)
        {
            // ServiceMonitors and PrometheusRules need kube-prometheus-stack's CRDs when it installs them.
            _ = new SupersetMonitoring("monitoring", new SupersetMonitoringArgs
            {
                Namespace = ns.Name, Instance = stack, ReleaseLabel = plan.Monitoring.ReleaseLabel,
                Scraped = topology.MetricsWorkloads, AlertGroups = AlertRules.For(AlertThresholds.For(plan)),
                Dashboards = Dashboards.For(plan).ToDictionary(d => d.Uid, d => Dashboards.Json(d, plan.Namespace)),
                DashboardNamespace = plan.Monitoring.Namespace,
            }, new ComponentResourceOptions { DependsOn = addons.Of(ClusterAddons.KubePrometheusStack, ClusterAddons.PrometheusAdapter).Append(ns).ToArray() });
        }

        _ = new NetworkPolicies("network", new NetworkPoliciesArgs { Namespace = ns.Name, Instance = stack, Policies = topology.Policies() }, scope.InNamespace);
        return Outputs(plan, ns, credentials, ingress, superset);
    }

    /// <summary>The cluster add-ons the stack installs, each after those whose CRDs or APIs it uses.</summary>
    private static AddonSet Addons(StackPlan plan)
    {
        var addons = new AddonSet();
        foreach (var addon in ClusterAddons.For(plan))
        {
            var options = new ComponentResourceOptions();
            options.DependsOn.AddRange(addon.DependsOn.Select(key => (Resource)addons[key]).ToList());
            addons[addon.Key] = new ClusterAddon(addon.Key, new ClusterAddonArgs
            {
                Chart = addon.Chart, ReleaseName = addon.ReleaseName, Namespace = addon.Namespace, Values = addon.Values,
            }, options);
        }

        return addons;
    }

    /// <summary>
    /// The small services beside Superset (exporters, Flower, the websocket server), each built from
    /// its workload's spec; returns every Service the Ingress may route to, by component.
    /// </summary>
    private static Dictionary<string, Output<string>> ServiceWorkloads(StackScope scope, DataConnections data, SupersetWeb web)
    {
        var services = new Dictionary<string, Output<string>> { [WebWorkload.Spec.Identity.Component] = web.ServiceName };
        foreach (var workload in WorkloadRegistry.Of(scope.Plan).Where(w => w.ComponentType is not null))
        {
            services[workload.Identity.Component] = new ServiceWorkload(workload.ResourceName, new ServiceWorkloadArgs
            {
                Namespace = scope.Namespace.Name, Instance = scope.Stack, Workload = workload, Container = workload.Container(scope.Plan)!, Data = data, Pods = scope.Plan.Pods,
            }, scope.InNamespace).ServiceName;
        }

        return services;
    }

    private static Dictionary<string, object?> Outputs(StackPlan plan, SupersetNamespace ns, SupersetCredentials credentials, SupersetIngress ingress, SupersetProcesses.Declared superset)
    {
        var outputs = new Dictionary<string, object?>
        {
            ["plan"] = PlanOutputs.From(plan),
            ["namespace"] = ns.Name,
            // Encrypted in the state; shown only by `pulumi stack output --show-secrets adminPassword`.
            ["adminPassword"] = Output.CreateSecret(credentials.AdminPassword),
            ["url"] = ingress.Url,
            ["workerDeployments"] = Output.All(superset.Pools.Select(p => p.DeploymentName)),
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
}
