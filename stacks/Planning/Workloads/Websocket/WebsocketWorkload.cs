using System.Globalization;
using Superset.Configuration;
using Superset.Planning.Network;
using Superset.Planning.Workloads.Postgres;
using Superset.Planning.Workloads.Redis;

namespace Superset.Planning.Workloads.Websocket;

/// <summary>
/// superset-websocket (asyncQueries.transport ws): relays async-query events from the cache Redis to
/// browsers at <c>/ws</c>. Two pods, so a node drain never drops every browser's channel at once.
/// </summary>
public sealed class WebsocketWorkload : WorkloadSpec
{
    /// <summary>superset-websocket's default PORT (its config.ts).</summary>
    public const int Port = 8080;

    /// <summary>Its pod (the stack's; see Configuration.Reading.PodReaders for the defaults).</summary>
    public static PodResources Resources(StackPlan plan) => (plan ?? throw new ArgumentNullException(nameof(plan))).Pods.Services.Websocket;

    /// <summary>Pods.</summary>
    public const int Replicas = 2;

    /// <summary>The one instance.</summary>
    public static WebsocketWorkload Spec { get; } = new();

    private WebsocketWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new("websocket", "superset-websocket", [new("ws", Port, Port)], "superset-websocket");

    /// <inheritdoc/>
    public override string ComponentType => "WebsocketServer";

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => plan is { AsyncQueries: { Enabled: true, Transport: "ws" } };

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan) => [new PodGroup(Identity.Component, Resources(plan).CpuMillis, Resources(plan).MemoryMi, Replicas, Replicas)];

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        connections.Route("/ws", "ws");
        connections.AdmitIngress("ws", "browsers' async-query channel at /ws");
        connections.Refuse(ConnectionBuilder.Foreign, "ws", "only the ingress controller serves users");
        connections.Reach(RedisWorkload.Cache.Identity, "redis", "the async-query event streams it relays (GLOBAL_ASYNC_QUERIES_CACHE_BACKEND's database)");
        connections.Avoid(RedisWorkload.Broker.Identity, "redis", "the websocket server reads events, not tasks");
        connections.Avoid(PostgresWorkload.Spec.Identity, "postgresql", "the websocket server has no database");
    }

    /// <inheritdoc/>
    public override ServiceContainer Container(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new()
        {
            Name = "websocket",
            Image = plan.AsyncQueries.WebsocketImage ?? throw new ArgumentException("transport ws has a websocket image (settings check it)", nameof(plan)),
            Env =
            [
                new("PORT", new EnvValue.Text(Port.ToString(CultureInfo.InvariantCulture))),
                new("JWT_SECRET", new EnvValue.Credential(CredentialKeys.AsyncQueriesJwtSecret)),
                new("REDIS_HOST", new EnvValue.RedisEndpoint("cache", RedisPart.Host)),
                new("REDIS_PORT", new EnvValue.RedisEndpoint("cache", RedisPart.Port)),
                new("REDIS_PASSWORD", new EnvValue.Credential(CredentialKeys.CachePassword)),
                new("REDIS_DB", new EnvValue.Text((plan.Cache.Db + RedisWorkload.AsyncQueriesDb).ToString(CultureInfo.InvariantCulture))),
                new("REDIS_SSL", new EnvValue.RedisEndpoint("cache", RedisPart.Tls)),
            ],
            Resources = Resources(plan),
            Replicas = Replicas,
            LivenessPort = "ws",
        };
    }
}
