using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Artifacts;
using Superset.Planning.Workloads;
using Superset.Planning.Workloads.Beat;
using Deployment = Pulumi.Kubernetes.Apps.V1.Deployment;

namespace Superset.Components.Kubernetes;

/// <summary>
/// Celery beat, the scheduler of reports and housekeeping. A singleton: two beats send every
/// scheduled report twice (apache/superset#22664), so one replica and the <c>Recreate</c> strategy,
/// which stops the old pod before the new one starts. No HPA, no PodDisruptionBudget.
/// </summary>
public sealed class CeleryBeat : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:CeleryBeat";

    /// <summary>The component label.</summary>
    public static readonly string Component = BeatWorkload.Spec.Identity.Component;

    private const string ScheduleDir = "/var/run/celerybeat";

    /// <summary>Creates the Deployment.</summary>
    public CeleryBeat(string name, CeleryBeatArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var selector = Labels.Selector(args.Instance, Component);
        var labels = Labels.For(args.Instance, Component);

        var deployment = new Deployment($"{name}-deployment", new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Name = "superset-beat", Namespace = args.Namespace, Labels = labels },
            Spec = new DeploymentSpecArgs
            {
                Replicas = args.Plan.Replicas,
                Selector = new LabelSelectorArgs { MatchLabels = selector },
                Strategy = new DeploymentStrategyArgs { Type = "Recreate" },
                Template = SupersetPodTemplate.Build(new SupersetPodArgs
                {
                    Role = SupersetProcesses.Beat, Labels = labels, Image = args.Image, Data = args.Data,
                    ConfigSecret = args.ConfigSecret, ConfigChecksum = args.ConfigChecksum,
                    TerminationGracePeriodSeconds = 30,
                    Container = new SupersetContainer
                    {
                        Name = "beat",
                        Command = CeleryCommands.Beat(ScheduleDir),
                        Resources = args.Plan.Pod,
                        ExtraWritable = [("schedule", ScheduleDir)],
                    },
                    Placement = args.Plan.Placement,
                    Pods = args.Pods,
                }),
            },
        }, new CustomResourceOptions { Parent = this });

        DeploymentName = deployment.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?> { ["deploymentName"] = DeploymentName });
    }

    /// <summary>The Deployment's name.</summary>
    [Output]
    public Output<string> DeploymentName { get; private set; }
}
