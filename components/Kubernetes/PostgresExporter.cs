using System.Globalization;
using Pulumi;
using Pulumi.Kubernetes.Apps.V1;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Stacks.Generated;
using Deployment = Pulumi.Kubernetes.Apps.V1.Deployment;

namespace Superset.Components.Kubernetes;

/// <summary>
/// postgres_exporter for the metadata database, in-cluster or RDS alike: connections
/// (pg_stat_database_numbackends) against max_connections (pg_settings_max_connections), which the
/// connection budget promised to keep under 70 %.
/// </summary>
public sealed class PostgresExporter : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:PostgresExporter";

    /// <summary>Component label.</summary>
    public const string Component = "postgres-exporter";

    /// <summary>postgres_exporter's default port.</summary>
    public const int Port = 9187;

    /// <summary>Creates the Deployment and Service.</summary>
    public PostgresExporter(string name, PostgresExporterArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var labels = Labels.For(args.Instance, Component);
        var selector = Labels.Selector(args.Instance, Component);
        var parent = new CustomResourceOptions { Parent = this };
        var d = args.Data;

        _ = new Deployment($"{name}-deployment", new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Name = "superset-postgres-exporter", Namespace = args.Namespace, Labels = labels },
            Spec = new DeploymentSpecArgs
            {
                Replicas = 1,
                Selector = new LabelSelectorArgs { MatchLabels = selector },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = labels },
                    Spec = new PodSpecArgs
                    {
                        SecurityContext = PodDefaults.PodSecurity(PodDefaults.SupersetUid),
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "exporter",
                                Image = Images.PostgresExporter,
                                Env =
                                {
                                    new EnvVarArgs { Name = "DATA_SOURCE_URI", Value = Output.Format($"{d.DatabaseHost}:{d.DatabasePort.ToString(CultureInfo.InvariantCulture)}/{d.DatabaseName}?sslmode={d.DatabaseSslMode}") },
                                    new EnvVarArgs { Name = "DATA_SOURCE_USER", Value = d.DatabaseUser },
                                    PodDefaults.EnvFromSecret("DATA_SOURCE_PASS", d.CredentialsSecret, CredentialKeys.DatabasePassword),
                                },
                                Ports = { new ContainerPortArgs { Name = "metrics", ContainerPortValue = Port } },
                                Resources = PodDefaults.Resources(50, 128),
                                SecurityContext = PodDefaults.ContainerSecurity(),
                                ReadinessProbe = new ProbeArgs { TcpSocket = new TCPSocketActionArgs { Port = "metrics" }, PeriodSeconds = 15 },
                            },
                        },
                    },
                },
            },
        }, parent);

        var service = new Service($"{name}-service", new ServiceArgs
        {
            Metadata = new ObjectMetaArgs { Name = "superset-postgres-exporter", Namespace = args.Namespace, Labels = labels },
            Spec = new ServiceSpecArgs
            {
                Selector = selector,
                Ports = { new ServicePortArgs { Name = "metrics", Port = Port, TargetPort = "metrics" } },
            },
        }, parent);

        ServiceName = service.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?> { ["serviceName"] = ServiceName });
    }

    /// <summary>The metrics Service.</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }
}
