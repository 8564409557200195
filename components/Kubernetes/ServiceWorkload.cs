using System.Globalization;
using Pulumi;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Planning.Workloads;
using Deployment = Pulumi.Kubernetes.Apps.V1.Deployment;

namespace Superset.Components.Kubernetes;

/// <summary>
/// One small service of the stack (an exporter, Flower, the websocket server) built from its
/// workload's spec (stacks/Planning/Workloads): a Deployment of one restricted container and a
/// ClusterIP Service, both named and labelled after the workload. The component's type token is
/// <c>superset:k8s:&lt;the workload's ComponentType&gt;</c>, the name each had as a class of its own,
/// so existing stacks keep their URNs.
/// </summary>
public sealed class ServiceWorkload : ComponentResource
{
    /// <summary>Creates the Deployment and the Service.</summary>
    public ServiceWorkload(string name, ServiceWorkloadArgs args, ComponentResourceOptions? options = null)
        : base(TypeTokenOf(args?.Workload ?? throw new ArgumentNullException(nameof(args))), name, options)
    {
        var workload = args.Workload.Identity;
        var container = args.Container;
        var objectName = workload.ServiceName ?? throw new ArgumentException($"{workload.Component} has no Service", nameof(args));
        var labels = Labels.For(args.Instance, workload.Component);
        var selector = Labels.Selector(args.Instance, workload.Component);
        var parent = new CustomResourceOptions { Parent = this };

        var account = ServiceAccounts.Own($"{name}-serviceaccount", objectName, args.Namespace, labels, this);
        var podSpec = new PodSpecArgs
        {
            SecurityContext = PodDefaults.PodSecurity(PodDefaults.SupersetUid),
            Containers = { Container(container, workload, args.Data) },
            Volumes = container.WritablePaths.Select(p => PodDefaults.EmptyDir(VolumeName(p))).ToList(),
        };
        PodExtras.Place(podSpec, args.Pods.ServicesPlacement, selector);
        PodExtras.Identify(podSpec, account, args.Pods.ImagePullSecrets);
        var deploymentSpec = new DeploymentSpecArgs
        {
            Replicas = container.Replicas,
            Selector = new LabelSelectorArgs { MatchLabels = selector },
            Template = new PodTemplateSpecArgs
            {
                Metadata = new ObjectMetaArgs
                {
                    Labels = labels,
                    Annotations = new InputMap<string> { { SupersetPodTemplate.CredentialsAnnotation, args.Data.CredentialsChecksum } },
                },
                Spec = podSpec,
            },
        };
        if (container.Recreate)
        {
            deploymentSpec.Strategy = new DeploymentStrategyArgs { Type = "Recreate" };
        }

        _ = new Deployment($"{name}-deployment", new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Name = objectName, Namespace = args.Namespace, Labels = labels },
            Spec = deploymentSpec,
        }, parent);

        var service = new Service($"{name}-service", new ServiceArgs
        {
            Metadata = new ObjectMetaArgs { Name = objectName, Namespace = args.Namespace, Labels = labels },
            Spec = new ServiceSpecArgs
            {
                Selector = selector,
                Ports = workload.Ports.Select(p => new ServicePortArgs { Name = p.Name, Port = p.ServicePort, TargetPort = p.Name }).ToList(),
            },
        }, parent);
        ServiceName = service.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?> { ["serviceName"] = ServiceName });
    }

    /// <summary>The Service (the Ingress backend, a port-forward target, or what a ServiceMonitor scrapes).</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }

    /// <summary>The component's type token for a workload.</summary>
    public static string TypeTokenOf(WorkloadSpec workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return $"superset:k8s:{workload.ComponentType ?? throw new ArgumentException($"{workload.Identity.Component} has a component of its own", nameof(workload))}";
    }

    private static ContainerArgs Container(ServiceContainer c, Planning.Network.Workload workload, DataConnections data)
    {
        var container = new ContainerArgs
        {
            Name = c.Name,
            Image = c.Image,
            Env = c.Env.Select(e => Env(e, data)).ToList(),
            Resources = PodDefaults.Resources(c.Resources.CpuMillis, c.Resources.MemoryMi),
            SecurityContext = PodDefaults.ContainerSecurity(),
            Ports = workload.Ports.Select(p => new ContainerPortArgs { Name = p.Name, ContainerPortValue = p.Number }).ToList(),
            ReadinessProbe = new ProbeArgs { TcpSocket = new TCPSocketActionArgs { Port = workload.Ports[0].Name }, PeriodSeconds = 15 },
        };
        if (c.Args.Count > 0)
        {
            container.Args = c.Args.ToArray();
        }

        if (c.WritablePaths.Count > 0)
        {
            container.VolumeMounts = c.WritablePaths.Select(p => new VolumeMountArgs { Name = VolumeName(p), MountPath = p }).ToList();
        }

        if (c.LivenessPort is { } port)
        {
            container.LivenessProbe = new ProbeArgs { TcpSocket = new TCPSocketActionArgs { Port = port }, PeriodSeconds = 30 };
        }

        return container;
    }

    private static string VolumeName(string path) => path.Trim('/').Replace('/', '-');

    /// <summary>An environment variable, with what only the deployment knows filled in.</summary>
    private static EnvVarArgs Env(EnvSetting setting, DataConnections data) => setting.Value switch
    {
        EnvValue.Text t => PodDefaults.Env(setting.Name, t.Value),
        EnvValue.Credential c => PodDefaults.EnvFromSecret(setting.Name, data.Secret(c.Key).Secret, data.Secret(c.Key).Key),
        EnvValue.RedisUrl u => PodDefaults.Env(setting.Name, data.Redis(u.Role).Url(u.PasswordVariable, u.Database is null ? null : u.Database + data.Redis(u.Role).Db)),
        EnvValue.RedisEndpoint { Part: RedisPart.Host } e => PodDefaults.Env(setting.Name, data.Redis(e.Role).Host),
        EnvValue.RedisEndpoint { Part: RedisPart.Port } e => PodDefaults.Env(setting.Name, data.Redis(e.Role).Port.ToString(CultureInfo.InvariantCulture)),
        EnvValue.RedisEndpoint e => PodDefaults.Env(setting.Name, data.Redis(e.Role).Tls ? "true" : "false"),
        EnvValue.DatabaseUri d => PodDefaults.Env(setting.Name, Output.Format(
            $"{data.DatabaseHost}:{data.DatabasePort.ToString(CultureInfo.InvariantCulture)}/{data.DatabaseName}?sslmode={(d.RequireInsteadOfVerify && data.DatabaseSslMode is "verify-full" or "verify-ca" ? "require" : data.DatabaseSslMode)}")),
        EnvValue.DatabaseUser => PodDefaults.Env(setting.Name, data.DatabaseUser),
        _ => throw new ArgumentException($"no rendering of {setting.Value}", nameof(setting)),
    };
}
