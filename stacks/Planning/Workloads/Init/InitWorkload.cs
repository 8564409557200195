using Superset.Configuration;
using Superset.Planning.Network;

namespace Superset.Planning.Workloads.Init;

/// <summary>The init Job: migrations, <c>superset init</c>, the first admin. It serves nothing and runs only during a rollout.</summary>
public sealed class InitWorkload : WorkloadSpec
{
    /// <summary>The Job's pod (<c>init.cpuMillis</c>, <c>init.memoryMi</c>; by default 500 m and 1024 Mi: migrations need more than beat, less than a web pod).</summary>
    public static PodResources Resources(StackPlan plan) => (plan ?? throw new ArgumentNullException(nameof(plan))).Pods.InitPod;

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
