using Pulumi;
using Pulumi.Kubernetes.Policy.V1;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using Superset.Artifacts;
using Superset.Artifacts.Keda;
using Superset.Planning;
using Superset.Planning.Workloads;
using Superset.Planning.Workloads.Workers;
using Deployment = Pulumi.Kubernetes.Apps.V1.Deployment;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace Superset.Components.Kubernetes;

/// <summary>
/// One Celery worker pool: a Deployment consuming one queue (docs/sources/autoscaling.md, "Multi-Queue Auto-Scaling"),
/// sized by the plan, that loses no task when Kubernetes removes a pod: preStop tells only this
/// pod's node to stop consuming, SIGTERM then starts Celery's warm shutdown, and the grace period
/// outlasts the pool's hard time limit.
/// </summary>
public sealed class WorkerPool : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:WorkerPool";

    /// <summary>The component label of worker pods.</summary>
    public static readonly string Component = WorkersWorkload.Spec.Identity.Component;

    /// <summary>Creates the pool's Deployment, PodDisruptionBudget and its autoscaler: a KEDA ScaledObject or an HPA.</summary>
    public WorkerPool(string name, WorkerPoolArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var pool = args.Pool;
        var selector = Labels.Selector(args.Instance, Component, pool.Name);
        var labels = Labels.For(args.Instance, Component, pool.Name);
        var objectName = $"superset-worker-{pool.Name}";

        var deployment = new Deployment($"{name}-deployment", new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Name = objectName, Namespace = args.Namespace, Labels = labels },
            Spec = new DeploymentSpecArgs
            {
                Replicas = pool.Replicas.Min, // the HPA owns replicas after creation
                Selector = new LabelSelectorArgs { MatchLabels = selector },
                Strategy = new DeploymentStrategyArgs
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new RollingUpdateDeploymentArgs { MaxSurge = "25%", MaxUnavailable = 0 },
                },
                Template = SupersetPodTemplate.Build(new SupersetPodArgs
                {
                    Role = SupersetProcesses.Worker, Queue = args.Pool.Name,
                    Labels = labels,
                    Image = args.Image,
                    Data = args.Data,
                    ConfigSecret = args.ConfigSecret,
                    ConfigChecksum = args.ConfigChecksum,
                    // Kubernetes starts this clock before preStop and sends SIGTERM only after it:
                    // preStop + the hard time limit + margin, so a running task always finishes.
                    TerminationGracePeriodSeconds = pool.Shutdown.TerminationGracePeriodSeconds,
                    Container = Container(pool),
                    Placement = pool.Placement,
                    Pods = args.Pods,
                }),
            },
        }, new CustomResourceOptions { Parent = this, IgnoreChanges = { "spec.replicas" } });

        _ = new PodDisruptionBudget($"{name}-pdb", new PodDisruptionBudgetArgs
        {
            Metadata = new ObjectMetaArgs { Name = objectName, Namespace = args.Namespace, Labels = labels },
            Spec = new PodDisruptionBudgetSpecArgs
            {
                MaxUnavailable = 1,
                Selector = new LabelSelectorArgs { MatchLabels = selector },
            },
        }, new CustomResourceOptions { Parent = this });

        DeploymentName = deployment.Metadata.Apply(m => m.Name);

        Autoscale(name, args, new ObjectMetaArgs { Name = objectName, Namespace = args.Namespace, Labels = labels }, deployment);
        RegisterOutputs(new Dictionary<string, object?> { ["deploymentName"] = DeploymentName });
    }

    /// <summary>
    /// The pool's autoscaler: with KEDA a ScaledObject (KEDA creates and owns the HPA, named like the
    /// Deployment), else an HPA on the queue's External metric and CPU.
    /// </summary>
    private void Autoscale(string name, WorkerPoolArgs args, ObjectMetaArgs metadata, Deployment deployment)
    {
        var pool = args.Pool;
        var deploymentName = $"superset-worker-{pool.Name}";
        if (args.KedaAuthentication is { } authentication)
        {
            // KEDA creates and owns the pool's HPA (named objectName): no hand-made HPA competes for the Deployment.
            metadata.Annotations = new InputMap<string> { { KedaScaledObject.TransferHpaOwnership, "true" } };
            var spec = new InputMap<object>();
            foreach (var (key, value) in KedaScaledObject.Spec(pool, deploymentName))
            {
                spec.Add(key, value);
            }

            spec.Add("triggers", Output.Tuple(args.Data.Broker.Host.ToOutput(), authentication.ToOutput())
                .Apply(t => (object)KedaScaledObject.Triggers(pool, $"{t.Item1}:{args.Data.Broker.Port}", args.Data.Broker.Tls, t.Item2, args.Data.Broker.Db)));
            _ = new KubernetesCustomResource($"{name}-scaledobject", new KedaResourceArgs("ScaledObject") { Metadata = metadata, Spec = spec },
                new CustomResourceOptions { Parent = this, DependsOn = { deployment } });
        }
        else
        {
            // Queue depth per pod (the pool's scaleUpThreshold) and CPU (the pool's target, 0: none);
            // the HPA takes the larger recommendation. Without monitoring, CPU alone (the autoscaling article's 70 %
            // when the pool sets none: an HPA needs a metric).
            var metrics = new InputList<MetricSpecArgs>();
            if (pool.Autoscaler.CpuMetric || !args.QueueDepthMetric)
            {
                metrics.Add(Autoscaling.Cpu(pool.Autoscaler.CpuMetric ? pool.Autoscaler.CpuTargetPercent : Superset.Planning.Sizing.Planner.CpuTargetPercent));
            }

            if (args.QueueDepthMetric)
            {
                metrics.Add(Autoscaling.QueueDepth(pool.Name, pool.Autoscaler.ScaleUpThreshold));
            }

            _ = Autoscaling.For($"{name}-hpa", metadata, DeploymentName, pool.Replicas.Min, pool.Replicas.Max, metrics, this, pool.Autoscaler.Behavior);
        }
    }

    /// <summary>What a worker container does differently: Celery on one queue, the liveness ping, the preStop that stops only this pod's consumer.</summary>
    private static SupersetContainer Container(PoolPlan pool) => new()
    {
        Name = "worker",
        Command = CeleryCommands.Worker(pool), // celery is PID 1: it gets SIGTERM
        Resources = pool.Pod,
        // No readiness probe: workers serve no traffic, and an unready worker still consumes.
        // Liveness pings this pod's node only, with Celery and the generated config
        // (CeleryCommands.ControlScript, not Superset: budgeted in the pool's memory).
        LivenessProbe = new ProbeArgs
        {
            Exec = new ExecActionArgs { Command = CeleryCommands.Liveness(pool).ToArray() },
            InitialDelaySeconds = 120,
            PeriodSeconds = 60,
            TimeoutSeconds = 45,
            FailureThreshold = 3,
        },
        Lifecycle = new LifecycleArgs
        {
            PreStop = new LifecycleHandlerArgs
            {
                Exec = new ExecActionArgs { Command = CeleryCommands.PreStop(pool).ToArray() },
            },
        },
    };

    /// <summary>The Deployment's name (the HPA's target).</summary>
    [Output]
    public Output<string> DeploymentName { get; private set; }
}
