using System.Globalization;
using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning.Network;
using Superset.Planning.Workloads.Postgres;
using Superset.Planning.Workloads.Redis;

namespace Superset.Planning.Workloads.Flower;

/// <summary>
/// Flower, Celery's web monitor, reading the broker (flower.enabled). Always behind basic auth (user
/// <c>admin</c>, a password from Pulumi.Random): a ClusterIP Service for <c>kubectl port-forward</c>,
/// and the Ingress path <c>/flower</c> only with flower.ingress. Flower can revoke tasks and shut
/// workers down, so it is never reachable without that password.
/// </summary>
public sealed class FlowerWorkload : WorkloadSpec
{
    /// <summary>Flower's default port (mher/flower).</summary>
    public const int Port = 5555;

    /// <summary>The path Flower is served under, behind the Ingress.</summary>
    public const string UrlPrefix = "flower";

    /// <summary>Its pod (the stack's; see Configuration.Reading.PodReaders for the defaults).</summary>
    public static PodResources Resources(StackPlan plan) => (plan ?? throw new ArgumentNullException(nameof(plan))).Pods.Services.Flower;

    /// <summary>The one instance.</summary>
    public static FlowerWorkload Spec { get; } = new();

    private FlowerWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new("flower", "superset-flower", [new("http", Port, Port)], "Flower");

    /// <inheritdoc/>
    public override string ComponentType => "Flower";

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => plan is { Flower.Enabled: true };

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan) => [new PodGroup(Identity.Component, Resources(plan).CpuMillis, Resources(plan).MemoryMi, 1, 1)];

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        if (connections.Plan.Flower.Ingress)
        {
            connections.Route("/flower", "http");
            connections.AdmitIngress("http", "Flower at /flower, behind its basic auth");
        }
        else
        {
            connections.RefuseIngress("http", "Flower is port-forward only unless flower.ingress");
        }

        connections.Refuse(ConnectionBuilder.Pods(SupersetProcesses.Worker), "http", "Flower can revoke and shut down tasks: operators only");
        connections.Refuse(ConnectionBuilder.Foreign, "http", "Flower can revoke and shut down tasks: operators only");
        connections.Reach(RedisWorkload.Broker.Identity, "redis", "Flower reads task events and inspects workers through the broker");
        connections.Avoid(PostgresWorkload.Spec.Identity, "postgresql", "Flower needs the broker only");
        connections.Avoid(RedisWorkload.Cache.Identity, "redis", "Flower needs the broker only");
    }

    /// <summary>Flower reads FLOWER_&lt;OPTION&gt; variables; Celery reads CELERY_BROKER_URL. $(VAR) is expanded by the kubelet: no password in the manifest.</summary>
    public override ServiceContainer Container(StackPlan plan) => new()
    {
        Name = "flower",
        Image = Images.Flower,
        Env =
        [
            new("BROKER_PASSWORD", new EnvValue.Credential(CredentialKeys.BrokerPassword)),
            new("FLOWER_PASSWORD", new EnvValue.Credential(CredentialKeys.FlowerPassword)),
            new("CELERY_BROKER_URL", new EnvValue.RedisUrl("broker", "BROKER_PASSWORD", RedisWorkload.BrokerDb)),
            new("FLOWER_BASIC_AUTH", new EnvValue.Text("admin:$(FLOWER_PASSWORD)")),
            new("FLOWER_PORT", new EnvValue.Text(Port.ToString(CultureInfo.InvariantCulture))),
            new("FLOWER_URL_PREFIX", new EnvValue.Text(UrlPrefix)),
            new("FLOWER_PURGE_OFFLINE_WORKERS", new EnvValue.Text("600")),
        ],
        Resources = Resources(plan),
        WritablePaths = ["/tmp"],
    };
}
