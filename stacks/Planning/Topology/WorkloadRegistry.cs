using Superset.Planning.Workloads;
using Superset.Planning.Workloads.Beat;
using Superset.Planning.Workloads.CeleryExporter;
using Superset.Planning.Workloads.Flower;
using Superset.Planning.Workloads.Init;
using Superset.Planning.Workloads.Postgres;
using Superset.Planning.Workloads.PostgresExporter;
using Superset.Planning.Workloads.Redis;
using Superset.Planning.Workloads.RedisExporter;
using Superset.Planning.Workloads.Web;
using Superset.Planning.Workloads.Websocket;
using Superset.Planning.Workloads.Workers;

namespace Superset.Planning.Topology;

/// <summary>
/// Every workload the program can deploy, one line each (its folder under stacks/Planning/Workloads
/// says the rest). The order is the order of the cost table.
/// </summary>
public static class WorkloadRegistry
{
    /// <summary>The workloads.</summary>
    public static IReadOnlyList<WorkloadSpec> All { get; } =
    [
        WebWorkload.Spec,
        WorkersWorkload.Spec,
        BeatWorkload.Spec,
        InitWorkload.Spec,
        WebsocketWorkload.Spec,
        FlowerWorkload.Spec,
        CeleryExporterWorkload.Spec,
        PostgresExporterWorkload.Spec,
        RedisExporterWorkload.Broker,
        RedisExporterWorkload.Cache,
        PostgresWorkload.Spec,
        RedisWorkload.Broker,
        RedisWorkload.Cache,
    ];

    /// <summary>The workloads a stack with this plan deploys.</summary>
    public static IReadOnlyList<WorkloadSpec> Of(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return All.Where(w => w.IsDeployedIn(plan)).ToList();
    }

    /// <summary>Every pod a stack runs, in the order the cost table lists them.</summary>
    public static IReadOnlyList<PodGroup> Pods(StackPlan plan) => Of(plan).SelectMany(w => w.Pods(plan)).ToList();
}
