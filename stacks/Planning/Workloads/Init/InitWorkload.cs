using Superset.Configuration;
using Superset.Planning.Network;

namespace Superset.Planning.Workloads.Init;

/// <summary>The init Job: migrations, <c>superset init</c>, the first admin. It serves nothing and runs only during a rollout.</summary>
public sealed class InitWorkload : WorkloadSpec
{
    /// <summary>The Job's pod by default (init.cpuMillis and init.memoryMi change it).</summary>
    public static PodResources Resources => InitSettings.DefaultPod;

    /// <summary>The one instance.</summary>
    public static InitWorkload Spec { get; } = new();

    private InitWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new(SupersetProcesses.Init, null, [], "init Job");

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => true;

    /// <summary>None priced: the Job runs only during a rollout.</summary>
    public override IEnumerable<PodGroup> Pods(StackPlan plan) => [];
}
