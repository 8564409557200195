namespace Superset.Planning.Workloads;

/// <summary>The pods of one workload as the program declares them, for pricing.</summary>
/// <param name="Name">The cost item: <c>web</c>, <c>worker-default</c>, <c>beat</c>, <c>celery-exporter</c>…</param>
/// <param name="CpuMillis">CPU request of one pod, all its containers.</param>
/// <param name="MemoryMi">Memory request of one pod, all its containers.</param>
/// <param name="MinPods">Pods at the autoscaler's minimum (the fixed count without one).</param>
/// <param name="MaxPods">Pods at the autoscaler's maximum.</param>
/// <param name="VolumeGi">Persistent volume per pod (EBS gp3), 0 for none.</param>
public sealed record PodGroup(string Name, int CpuMillis, int MemoryMi, int MinPods, int MaxPods, int VolumeGi = 0)
{
    /// <summary>The node pool the pods run on (<c>web.cost</c>, <c>queues.&lt;name&gt;.cost</c>); the stack's <c>cost.nodeType</c> by default.</summary>
    public Configuration.PoolCost Pool { get; init; } = Configuration.PoolCost.Default;

    /// <summary>The key that sets <see cref="Pool"/>'s node type, for errors (<c>superset:web.cost.nodeType</c>); null: <c>cost.nodeType</c>.</summary>
    public string? PoolKey { get; init; }
}
