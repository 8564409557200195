using Superset.Planning.Network;

namespace Superset.Planning.Workloads.Postgres;

/// <summary>The in-cluster metadata PostgreSQL (dataServices inCluster): a StatefulSet of one pod and its volume.</summary>
public sealed class PostgresWorkload : WorkloadSpec
{
    /// <summary>PostgreSQL's port.</summary>
    public const int Port = 5432;

    /// <summary>The container's CPU request (its memory is the plan's database.memoryMi).</summary>
    public const int CpuMillis = 500;

    /// <summary>The one instance.</summary>
    public static PostgresWorkload Spec { get; } = new();

    private PostgresWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new("postgresql", "superset-postgresql", [new("postgresql", Port, Port)], "PostgreSQL (metadata database)");

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => plan is { InCluster: true };

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var memory = plan.Database.MemoryMi ?? throw new ArgumentException("an in-cluster plan has the database's memory", nameof(plan));
        yield return new PodGroup("postgresql", CpuMillis, memory, 1, 1, plan.Pods.Storage.Database.SizeGi);
    }

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        foreach (var process in SupersetProcesses.All)
        {
            connections.Admit(ConnectionBuilder.Pods(process), "postgresql", "the metadata database");
        }

        DataService.RefuseOutsiders(connections, "postgresql");
        if (connections.Plan.Keda)
        {
            connections.Refuse(connections.KedaOperator, "postgresql", "KEDA reads queues, which live on the broker");
        }
    }
}
