using Superset.Catalog;
using Superset.Configuration;

namespace Superset.Planning;

/// <summary>
/// Everything the program deploys, derived by <c>Sizing.Planner</c> from one stack's settings and
/// already checked: every size, and what the components and generated files need besides, typed.
/// The components read only this (never the settings); <c>plan</c> prints the sizes and the Pulumi
/// program exports them (Artifacts' PlanDocument), so a preview shows the numbers the deployment uses.
/// </summary>
public sealed record StackPlan
{
    /// <summary>The sizing tier (<c>small</c>, <c>medium</c>, <c>large</c>).</summary>
    public required string Tier { get; init; }

    /// <summary>The stack's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary><c>inCluster</c>, <c>aws</c> or <c>external</c>.</summary>
    public required string DataServices { get; init; }

    /// <summary>The worker formula's inputs.</summary>
    public required SizingInputs Sizing { get; init; }

    /// <summary>The web tier.</summary>
    public required WebPlan Web { get; init; }

    /// <summary>One pool per queue.</summary>
    public required IReadOnlyList<PoolPlan> Queues { get; init; }

    /// <summary>Where every task of the release goes (planned by <c>Sizing.TaskRouting</c>).</summary>
    public required IReadOnlyList<TaskRoute> Routes { get; init; }

    /// <summary>Celery beat.</summary>
    public required BeatPlan Beat { get; init; }

    /// <summary>Celery settings shared by the pools.</summary>
    public required CeleryPlan Celery { get; init; }

    /// <summary>The metadata database and its connection budget.</summary>
    public required DatabasePlan Database { get; init; }

    /// <summary>The broker Redis.</summary>
    public required RedisPlan Broker { get; init; }

    /// <summary>The cache Redis.</summary>
    public required RedisPlan Cache { get; init; }

    /// <summary>The Superset image.</summary>
    public required string Image { get; init; }

    /// <summary>What the image's Superset release has (modules, tasks).</summary>
    public required SupersetRelease Release { get; init; }

    /// <summary>The pools' autoscaling engine.</summary>
    public required AutoscalingSettings Autoscaling { get; init; }

    /// <summary>The Ingress, with its proxy timeouts.</summary>
    public required IngressPlan Ingress { get; init; }

    /// <summary>Global async queries.</summary>
    public required AsyncQuerySettings AsyncQueries { get; init; }

    /// <summary>Alerts and reports.</summary>
    public required ReportsSettings Reports { get; init; }

    /// <summary>Cache timeouts.</summary>
    public required CacheTimeouts Caches { get; init; }

    /// <summary>Prometheus' namespace and release label, exporters on or off.</summary>
    public required MonitoringSettings Monitoring { get; init; }

    /// <summary>Where the AWS data tier goes; null with in-cluster data services.</summary>
    public required AwsSettings? Aws { get; init; }

    /// <summary>Region, node type and discount the cost model prices with.</summary>
    public required CostSettings Cost { get; init; }

    /// <summary>Flower: deployed or not, behind the Ingress or not.</summary>
    public required FlowerSettings Flower { get; init; }

    /// <summary>The kind of cluster (the add-ons' values depend on it).</summary>
    public required ClusterKind Cluster { get; init; }

    /// <summary>Config overrides, flags, environment, drivers, sign-in, init, credentials from Secrets.</summary>
    public CustomPlan Custom { get; init; } = CustomPlan.None;
    /// <summary>Placement, identity, pull secrets, fixed pods, pod additions, volumes.</summary>
    public required PodsPlan Pods { get; init; }

    /// <summary>Whether the data services are RDS and ElastiCache.</summary>
    public bool OnAws => Aws is not null;

    /// <summary>Whether the data services are the team's existing PostgreSQL and Redis.</summary>
    public bool External => DataServices == "external";

    /// <summary>Whether PostgreSQL and Redis run as pods of this stack.</summary>
    public bool InCluster => DataServices == "inCluster";

    /// <summary>Whether the pools scale with KEDA (else with hand-made HPAs).</summary>
    public bool Keda => Autoscaling.Engine == AutoscalingEngine.Keda;
}
