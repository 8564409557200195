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
        yield return new PodGroup("beat", plan.Beat.Pod.CpuMillis, plan.Beat.Pod.MemoryMi, plan.Beat.Replicas, plan.Beat.Replicas);
    }
}
