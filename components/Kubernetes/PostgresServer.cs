using System.Globalization;
using Pulumi;
using Pulumi.Kubernetes.Apps.V1;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Catalog;
using Superset.Planning.Workloads.Postgres;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The in-cluster metadata database (the dev stack): PostgreSQL with max_connections from the plan,
/// so the connection budget the planner checked is the one the server enforces.
/// </summary>
public sealed class PostgresServer : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:PostgresServer";

    /// <summary>uid of the <c>postgres</c> user in the Alpine image.</summary>
    public const int PostgresUid = 70;

    /// <summary>The component label.</summary>
    public static readonly string Component = PostgresWorkload.Spec.Identity.Component;

    /// <summary>Creates the StatefulSet and Service.</summary>
    public PostgresServer(string name, PostgresServerArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var memoryMi = args.Plan.MemoryMi ?? throw new ArgumentException("an in-cluster database needs MemoryMi", nameof(args));
        var objectName = PostgresWorkload.Spec.Identity.ServiceName!;
        var selector = Labels.Selector(args.Instance, Component);
        var labels = Labels.For(args.Instance, Component);
        var parent = new CustomResourceOptions { Parent = this };

        var podSpec = new PodSpecArgs
        {
            SecurityContext = PodDefaults.PodSecurity(PostgresUid),
            Containers = { Server(args, memoryMi) },
            Volumes = { PodDefaults.EmptyDir("run"), PodDefaults.EmptyDir("tmp") },
        };
        PodExtras.Place(podSpec, args.Pods.ServicesPlacement, selector);
        PodExtras.Identify(podSpec, ServiceAccounts.Own($"{name}-serviceaccount", objectName, args.Namespace, labels, this), args.Pods.ImagePullSecrets);
        _ = new StatefulSet($"{name}-statefulset", new StatefulSetArgs
        {
            Metadata = new ObjectMetaArgs { Name = objectName, Namespace = args.Namespace, Labels = labels },
            Spec = new StatefulSetSpecArgs
            {
                Replicas = 1,
                ServiceName = objectName,
                Selector = new LabelSelectorArgs { MatchLabels = selector },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = labels },
                    Spec = podSpec,
                },
                VolumeClaimTemplates =
                {
                    new PersistentVolumeClaimArgs
                    {
                        Metadata = new ObjectMetaArgs { Name = "data", Labels = labels },
                        Spec = DataVolumes.Claim(args.Pods.Storage.Database),
                    },
                },
            },
        }, parent);

        var service = new Service($"{name}-service", new ServiceArgs
        {
            Metadata = new ObjectMetaArgs { Name = objectName, Namespace = args.Namespace, Labels = labels },
            Spec = new ServiceSpecArgs
            {
                Selector = selector,
                Ports = PostgresWorkload.Spec.Identity.Ports.Select(p => new ServicePortArgs { Name = p.Name, Port = p.ServicePort, TargetPort = p.Name }).ToList(),
            },
        }, parent);

        Host = Output.Format($"{service.Metadata.Apply(m => m.Name)}.{args.Namespace}.svc.cluster.local");
        RegisterOutputs(new Dictionary<string, object?> { ["host"] = Host });
    }

    /// <summary>The postgres container: max_connections from the plan, shared_buffers a quarter of memory.</summary>
    private static ContainerArgs Server(PostgresServerArgs args, int memoryMi)
    {
        // PostgreSQL docs, "Resource Consumption": shared_buffers about 25 % of memory.
        var sharedBuffersMi = memoryMi / 4;
        ProbeArgs Ready(int period, int failures) => new()
        {
            Exec = new ExecActionArgs { Command = { "pg_isready", "-U", args.Database, "-d", args.Database } },
            PeriodSeconds = period,
            TimeoutSeconds = 5,
            FailureThreshold = failures,
        };

        return new ContainerArgs
        {
            Name = "postgresql",
            Image = Images.Postgres,
            Args =
            {
                "-c", $"max_connections={args.Plan.MaxConnections.ToString(CultureInfo.InvariantCulture)}",
                "-c", $"shared_buffers={sharedBuffersMi.ToString(CultureInfo.InvariantCulture)}MB",
            },
            Env =
            {
                PodDefaults.Env("POSTGRES_DB", args.Database),
                PodDefaults.Env("POSTGRES_USER", args.Database),
                PodDefaults.EnvFromSecret("POSTGRES_PASSWORD", args.CredentialsSecret, args.PasswordKey),
                PodDefaults.Env("PGDATA", "/var/lib/postgresql/data/pgdata"),
            },
            Ports = PostgresWorkload.Spec.Identity.Ports.Select(p => new ContainerPortArgs { Name = p.Name, ContainerPortValue = p.Number }).ToList(),
            Resources = PodDefaults.Resources(PostgresWorkload.CpuMillis, memoryMi),
            SecurityContext = PodDefaults.ContainerSecurity(),
            ReadinessProbe = Ready(period: 10, failures: 3),
            LivenessProbe = Ready(period: 30, failures: 5),
            VolumeMounts =
            {
                new VolumeMountArgs { Name = "data", MountPath = "/var/lib/postgresql/data" },
                // Writable paths under a read-only root filesystem: the socket directory and tmp.
                new VolumeMountArgs { Name = "run", MountPath = "/var/run/postgresql" },
                new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" },
            },
        };
    }

    /// <summary>The Service's cluster DNS name.</summary>
    [Output]
    public Output<string> Host { get; private set; }
}
