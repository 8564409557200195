using Superset.Planning.Network;
using Superset.Planning.Workloads.Web;

namespace Superset.Planning.Workloads.Workers;

/// <summary>The Celery worker pools: one Deployment per queue, told apart by the queue label. They serve nothing.</summary>
public sealed class WorkersWorkload : WorkloadSpec
{
    /// <summary>The one instance.</summary>
    public static WorkersWorkload Spec { get; } = new();

    private WorkersWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new(SupersetProcesses.Worker, null, [], "Celery workers, every pool");

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => true;

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sidecars = plan.Pods.SidecarRequests(SupersetProcesses.Worker);
        return plan.Queues.Select(q => new PodGroup($"worker-{q.Name}", q.Pod.CpuMillis + sidecars.CpuMillis, q.Pod.MemoryMi + sidecars.MemoryMi, q.Replicas.Min, q.Replicas.Max)
        {
            Pool = q.Cost, PoolKey = $"superset:queues.{q.Name}.cost.nodeType",
        });
    }

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        // cache-warmup's fetch_url and report screenshots load Superset at WEBDRIVER_BASEURL, the web
        // Service (superset_config.py), from the worker that runs the task.
        connections.Reach(WebWorkload.Spec.Identity, "http", "cache warm-up and report screenshots through WEBDRIVER_BASEURL");
    }
}
