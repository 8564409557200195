using System.Globalization;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Superset.Artifacts;
using Superset.Planning.Topology;

namespace Superset.Components.Kubernetes;

/// <summary>
/// Superset's websocket server (superset-websocket), for async queries over <c>ws</c>: it reads the
/// async-query event streams from the cache Redis and pushes them to browsers, authenticating them
/// with the same JWT secret as Superset. Served at <c>/ws</c> by the Ingress. Configured by the
/// environment variables of superset-websocket/src/config.ts.
/// </summary>
public sealed class WebsocketServer : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:WebsocketServer";

    /// <summary>Component label.</summary>
    public static readonly string Component = Workloads.Websocket.Component;

    /// <summary>superset-websocket's default port (config.ts).</summary>
    public static readonly int Port = Workloads.Websocket.Port("ws").Number;

    /// <summary>Creates the Deployment and Service.</summary>
    public WebsocketServer(string name, WebsocketServerArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var cache = args.Data.Cache;
        var secret = args.Data.CredentialsSecret;
        ServiceName = ServiceDeployment.Declare(this, name, args.Namespace, args.Instance, new ServiceDeploymentSpec(Workloads.Websocket, new ContainerArgs
        {
            Name = "websocket",
            Image = args.Image,
            Env =
            {
                PodDefaults.Env("PORT", Port.ToString(CultureInfo.InvariantCulture)),
                PodDefaults.EnvFromSecret("JWT_SECRET", secret, CredentialKeys.AsyncQueriesJwtSecret),
                PodDefaults.Env("REDIS_HOST", cache.Host),
                PodDefaults.Env("REDIS_PORT", cache.Port.ToString(CultureInfo.InvariantCulture)),
                PodDefaults.EnvFromSecret("REDIS_PASSWORD", secret, CredentialKeys.CachePassword),
                PodDefaults.Env("REDIS_DB", SupersetConfigPy.AsyncQueriesDb.ToString(CultureInfo.InvariantCulture)),
                PodDefaults.Env("REDIS_SSL", cache.Tls ? "true" : "false"),
            },
            Resources = PodDefaults.Resources(WorkloadPods.Websocket.CpuMillis, WorkloadPods.Websocket.MemoryMi),
            LivenessProbe = new ProbeArgs { TcpSocket = new TCPSocketActionArgs { Port = "ws" }, PeriodSeconds = 30 },
        })
        {
            // Two, so a node drain never drops every browser's channel at once.
            Replicas = WorkloadPods.Websocket.MinPods,
            CredentialsChecksum = args.Data.CredentialsChecksum,
        });
        RegisterOutputs(new Dictionary<string, object?> { ["serviceName"] = ServiceName });
    }

    /// <summary>The Service the Ingress routes <c>/ws</c> to.</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }
}
