using Pulumi;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Policy.V1;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using Superset.Artifacts;
using Superset.Planning;
using Superset.Planning.Workloads;
using Superset.Planning.Workloads.Web;
using Deployment = Pulumi.Kubernetes.Apps.V1.Deployment;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The gunicorn web tier: a Deployment with the plan's workers and threads, probes on
/// <c>/health</c>, a preStop pause so the ingress stops sending requests before gunicorn's graceful
/// shutdown starts, a Service and a PodDisruptionBudget. Replicas belong to the HPA after creation.
/// </summary>
public sealed class SupersetWeb : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:SupersetWeb";

    /// <summary>The component label of the web pods.</summary>
    public static readonly string Component = WebWorkload.Spec.Identity.Component;

    /// <summary>Superset's health endpoint.</summary>
    public const string HealthPath = "/health";

    /// <summary>Creates the Deployment, Service and PodDisruptionBudget.</summary>
    public SupersetWeb(string name, SupersetWebArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var parent = new CustomResourceOptions { Parent = this };
        var selector = Labels.Selector(args.Instance, Component);
        var labels = Labels.For(args.Instance, Component);

        var deployment = new Deployment($"{name}-deployment", new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Name = "superset-web", Namespace = args.Namespace, Labels = labels },
            Spec = new DeploymentSpecArgs
            {
                // The HPA owns replicas after creation (ignoreChanges below); this is the first size.
                Replicas = plan.Autoscaler.Replicas.Min,
                Selector = new LabelSelectorArgs { MatchLabels = selector },
                // No pod is removed before its replacement is ready: capacity never dips in a rollout.
                Strategy = new DeploymentStrategyArgs
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new RollingUpdateDeploymentArgs { MaxSurge = "25%", MaxUnavailable = 0 },
                },
                Template = SupersetPodTemplate.Build(new SupersetPodArgs
                {
                    Role = SupersetProcesses.Web,
                    Labels = labels,
                    Image = args.Image,
                    Data = args.Data,
                    ConfigSecret = args.ConfigSecret,
                    ConfigChecksum = args.ConfigChecksum,
                    TerminationGracePeriodSeconds = plan.Shutdown.TerminationGracePeriodSeconds,
                    Container = Container(plan),
                    Placement = plan.Placement,
                    Pods = args.Pods,
                }),
            },
        }, new CustomResourceOptions { Parent = this, IgnoreChanges = { "spec.replicas" } });

        var serviceMetadata = new ObjectMetaArgs { Name = WebWorkload.Spec.Identity.ServiceName!, Namespace = args.Namespace, Labels = labels };
        if (IngressRoutes.WebServiceAnnotations(args.Ingress, plan.Service, args.Namespace) is { } serviceAnnotations)
        {
            serviceMetadata.Annotations = serviceAnnotations;
        }

        var service = new Service($"{name}-service", new ServiceArgs
        {
            Metadata = serviceMetadata,
            Spec = new ServiceSpecArgs
            {
                Type = plan.Service.Type,
                Selector = selector,
                Ports = WebWorkload.Spec.Identity.Ports.Select(p => new ServicePortArgs { Name = p.Name, Port = p.ServicePort, TargetPort = p.Name }).ToList(),
            },
        }, parent);

        _ = new PodDisruptionBudget($"{name}-pdb", new PodDisruptionBudgetArgs
        {
            Metadata = new ObjectMetaArgs { Name = "superset-web", Namespace = args.Namespace, Labels = labels },
            Spec = new PodDisruptionBudgetSpecArgs
            {
                // One pod at a time in a drain: with minReplicas ≥ 2 the tier keeps serving.
                MaxUnavailable = 1,
                Selector = new LabelSelectorArgs { MatchLabels = selector },
            },
        }, parent);

        DeploymentName = deployment.Metadata.Apply(m => m.Name);
        ServiceName = service.Metadata.Apply(m => m.Name);

        // CPU only: a web pod's load is its requests, and CPU follows them (the worker formula sizes the tier;
        // the HPA absorbs what the formula did not foresee, within the plan's bounds).
        _ = Autoscaling.For($"{name}-hpa", new ObjectMetaArgs { Name = "superset-web", Namespace = args.Namespace, Labels = labels },
            DeploymentName, plan.Autoscaler.Replicas.Min, plan.Autoscaler.Replicas.Max, new InputList<Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2.MetricSpecArgs> { Autoscaling.Cpu(plan.Autoscaler.CpuTargetPercent) }, this, plan.Autoscaler.Behavior);

        RegisterOutputs(new Dictionary<string, object?> { ["deploymentName"] = DeploymentName, ["serviceName"] = ServiceName });
    }

    /// <summary>What the web container does differently: gunicorn, the /health probes, the preStop pause.</summary>
    private static ProbeArgs Health(int period, int timeout, int failures) => new()
    {
        HttpGet = new HTTPGetActionArgs { Path = HealthPath, Port = "http" },
        PeriodSeconds = period,
        TimeoutSeconds = timeout,
        FailureThreshold = failures,
    };

    private static SupersetContainer Container(WebPlan plan) => new()
    {
        Name = "web",
        // gunicorn is PID 1 (no shell), so SIGTERM reaches it and starts its graceful shutdown.
        Command = GunicornCommand.Web(plan),
        Resources = plan.Pod,
        Ports = WebWorkload.Spec.Identity.Ports,
        // Importing Superset takes tens of seconds: up to 5 minutes to start.
        StartupProbe = Health(period: 10, timeout: 5, failures: 30),
        ReadinessProbe = Health(period: 10, timeout: 5, failures: 3),
        // Lenient: when every thread is busy /health is slow, and a restart would only add load.
        LivenessProbe = Health(period: 30, timeout: 10, failures: 6),
        Lifecycle = new LifecycleArgs
        {
            PreStop = new LifecycleHandlerArgs
            {
                Exec = new ExecActionArgs { Command = { "sleep", plan.Shutdown.PreStopSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
            },
        },
    };

    /// <summary>The Deployment's name (the HPA's target).</summary>
    [Output]
    public Output<string> DeploymentName { get; private set; }

    /// <summary>The Service's name (the Ingress backend).</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }
}
