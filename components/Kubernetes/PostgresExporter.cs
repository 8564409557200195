using System.Globalization;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Superset.Catalog;
using Superset.Planning.Topology;

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
    public static readonly string Component = Workloads.PostgresExporter.Component;

    /// <summary>postgres_exporter's default port.</summary>
    public static readonly int Port = Workloads.PostgresExporter.Port(Workloads.MetricsPortName).Number;

    /// <summary>Creates the Deployment and Service.</summary>
    public PostgresExporter(string name, PostgresExporterArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var d = args.Data;
        ServiceName = ServiceDeployment.Declare(this, name, args.Namespace, args.Instance, new ServiceDeploymentSpec(Workloads.PostgresExporter, new ContainerArgs
        {
            Name = "exporter",
            Image = Images.PostgresExporter,
            Env =
            {
                new EnvVarArgs { Name = "DATA_SOURCE_URI", Value = Output.Format($"{d.DatabaseHost}:{d.DatabasePort.ToString(CultureInfo.InvariantCulture)}/{d.DatabaseName}?sslmode={ExporterSslMode(d.DatabaseSslMode)}") },
                new EnvVarArgs { Name = "DATA_SOURCE_USER", Value = d.DatabaseUser },
                PodDefaults.EnvFromSecret("DATA_SOURCE_PASS", d.CredentialsSecret, CredentialKeys.DatabasePassword),
            },
            Resources = PodDefaults.Resources(WorkloadPods.PostgresExporter.CpuMillis, WorkloadPods.PostgresExporter.MemoryMi),
        })
        {
            CredentialsChecksum = d.CredentialsChecksum,
        });
        RegisterOutputs(new Dictionary<string, object?> { ["serviceName"] = ServiceName });
    }

    /// <summary>
    /// The exporter's sslmode: Superset's, except that verify-full becomes require. Its image
    /// (prometheus-community/postgres_exporter, busybox-based) has no RDS CA bundle to verify
    /// against; the connection stays encrypted, and it carries only the monitoring login.
    /// </summary>
    public static string ExporterSslMode(string supersetSslMode) => supersetSslMode == "verify-full" ? "require" : supersetSslMode;

    /// <summary>The metrics Service.</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }
}
