using Pulumi;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Planning.Network;
using Deployment = Pulumi.Kubernetes.Apps.V1.Deployment;

namespace Superset.Components.Kubernetes;

/// <summary>What <see cref="ServiceDeployment.Declare"/> builds: one container behind a Service, both shaped by a topology workload.</summary>
/// <param name="Workload">The workload (stacks/Planning/Topology/Workloads.cs): its Service name, component label and ports.</param>
/// <param name="Container">The container; it listens on every port of the workload.</param>
public sealed record ServiceDeploymentSpec(Workload Workload, ContainerArgs Container)
{
    /// <summary>Pods; 1 unless the service must survive a drain.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary><c>Recreate</c> for processes that must never run twice (exporters holding counters).</summary>
    public bool Recreate { get; init; }

    /// <summary>Digest of the credentials the container reads: a rotation rolls its pods.</summary>
    public required Input<string> CredentialsChecksum { get; init; }

    /// <summary>Extra volumes (writable emptyDirs under a read-only root).</summary>
    public InputList<VolumeArgs> Volumes { get; init; } = new();
}

/// <summary>
/// The shape the small components share (celery-exporter, postgres_exporter, the websocket server,
/// Flower): a Deployment of one restricted container and a ClusterIP Service, children of their
/// component, named after it.
/// </summary>
internal static class ServiceDeployment
{
    /// <summary>Declares the Deployment and the Service; returns the Service's name.</summary>
    public static Output<string> Declare(ComponentResource owner, string name, Input<string> ns, string instance, ServiceDeploymentSpec spec)
    {
        var workload = spec.Workload;
        var objectName = workload.ServiceName ?? throw new ArgumentException($"{workload.Component} has no Service", nameof(spec));
        var labels = Labels.For(instance, workload.Component);
        var selector = Labels.Selector(instance, workload.Component);
        var parent = new CustomResourceOptions { Parent = owner };
        spec.Container.SecurityContext ??= PodDefaults.ContainerSecurity();
        spec.Container.Ports = workload.Ports.Select(p => new ContainerPortArgs { Name = p.Name, ContainerPortValue = p.Number }).ToList();
        spec.Container.ReadinessProbe ??= new ProbeArgs { TcpSocket = new TCPSocketActionArgs { Port = workload.Ports[0].Name }, PeriodSeconds = 15 };

        var deploymentSpec = new DeploymentSpecArgs
        {
            Replicas = spec.Replicas,
            Selector = new LabelSelectorArgs { MatchLabels = selector },
            Template = new PodTemplateSpecArgs
            {
                Metadata = new ObjectMetaArgs
                {
                    Labels = labels,
                    Annotations = new InputMap<string> { { SupersetPod.CredentialsAnnotation, spec.CredentialsChecksum } },
                },
                Spec = new PodSpecArgs
                {
                    SecurityContext = PodDefaults.PodSecurity(PodDefaults.SupersetUid),
                    Containers = { spec.Container },
                    Volumes = spec.Volumes,
                },
            },
        };
        if (spec.Recreate)
        {
            deploymentSpec.Strategy = new DeploymentStrategyArgs { Type = "Recreate" };
        }

        _ = new Deployment($"{name}-deployment", new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Name = objectName, Namespace = ns, Labels = labels },
            Spec = deploymentSpec,
        }, parent);

        var service = new Service($"{name}-service", new ServiceArgs
        {
            Metadata = new ObjectMetaArgs { Name = objectName, Namespace = ns, Labels = labels },
            Spec = new ServiceSpecArgs
            {
                Selector = selector,
                Ports = workload.Ports.Select(p => new ServicePortArgs { Name = p.Name, Port = p.ServicePort, TargetPort = p.Name }).ToList(),
            },
        }, parent);
        return service.Metadata.Apply(m => m.Name);
    }
}
