using Superset.Planning.Network;

namespace Superset.Planning.Workloads.Beat;

/// <summary>Celery beat, the scheduler: exactly one pod. It serves nothing.</summary>
public sealed class BeatWorkload : WorkloadSpec
{
    /// <summary>The one instance.</summary>
    public static BeatWorkload Spec { get; } = new();

    private BeatWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new(SupersetProcesses.Beat, null, [], "Celery beat");

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => true;

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sidecars = plan.Pods.SidecarRequests(SupersetProcesses.Beat);
        yield return new PodGroup("beat", plan.Beat.Pod.CpuMillis + sidecars.CpuMillis, plan.Beat.Pod.MemoryMi + sidecars.MemoryMi, plan.Beat.Replicas, plan.Beat.Replicas);
    }
}
