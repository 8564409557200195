using Pulumi;
using Pulumi.Kubernetes.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Artifacts;
using Superset.Planning.Workloads;
using Superset.Planning.Workloads.Init;

namespace Superset.Components.Kubernetes;

/// <summary>
/// Database migrations, <c>superset init</c> (roles and permissions) and the first admin user, as
/// a Job named after the image and config: a change to either gives a new Job, which Pulumi waits
/// to complete before the web and worker Deployments (which depend on this component) roll.
/// </summary>
public sealed class SupersetInit : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:SupersetInit";

    /// <summary>The component label.</summary>
    public static readonly string Component = InitWorkload.Spec.Identity.Component;

    /// <summary>Creates the Job.</summary>
    public SupersetInit(string name, SupersetInitArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var labels = Labels.For(args.Instance, Component);
        // The script is part of the name: a new admin, driver list or example load is a new Job.
        var revision = Checksum.Of(args.Image + "\n" + args.ConfigChecksum + (args.Script == SupersetInitScript.Default ? "" : "\n" + args.Script))[..10];

        var job = new Job($"{name}-job", new JobArgs
        {
            Metadata = new ObjectMetaArgs { Name = $"superset-init-{revision}", Namespace = args.Namespace, Labels = labels },
            Spec = new JobSpecArgs
            {
                BackoffLimit = 3,
                // A migration that hangs (a lock held by an old pod) fails the deploy instead of blocking it.
                ActiveDeadlineSeconds = 1800,
                Template = SupersetPodTemplate.Build(new SupersetPodArgs
                {
                    Role = SupersetProcesses.Init, Labels = labels, Image = args.Image, Data = args.Data,
                    ConfigSecret = args.ConfigSecret, RestartPolicy = "Never",
                    Container = new SupersetContainer
                    {
                        Name = "init",
                        // The drivers' import check, migrations, roles, the first admin, examples (Artifacts' SupersetInitScript).
                        Command = ["sh", "-c", args.Script],
                        Resources = args.Pods.InitPod,
                        ExtraEnv = [PodDefaults.EnvFromSecret(SupersetEnv.AdminPassword, args.Data.CredentialsSecret, CredentialKeys.AdminPassword)],
                    },
                    Placement = args.Pods.InitPlacement,
                    Pods = args.Pods,
                }),
            },
        }, new CustomResourceOptions { Parent = this });

        JobName = job.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?> { ["jobName"] = JobName });
    }

    /// <summary>The Job's name.</summary>
    [Output]
    public Output<string> JobName { get; private set; }
}
