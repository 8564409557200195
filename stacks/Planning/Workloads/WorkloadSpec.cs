using Superset.Planning.Network;

namespace Superset.Planning.Workloads;

/// <summary>
/// One workload of the program, declared once, in a folder of its own beside this file: what it is
/// on the network (component label, Service, ports), when a stack has it, the pods it runs (what
/// the cost model prices and the components declare), what it connects to and what it must refuse,
/// and, for the small services the program adds beside Superset (exporters, Flower, the websocket
/// server), its container. The topology, the cost model, the components and the monitoring all read
/// it; adding a workload is its folder and one line in <c>Topology.WorkloadRegistry</c>.
/// </summary>
public abstract class WorkloadSpec
{
    /// <summary>What the workload is on the network.</summary>
    public abstract Workload Identity { get; }

    /// <summary>The Pulumi resource name of its component (e.g. <c>celery-exporter</c>).</summary>
    public virtual string ResourceName => Identity.Component;

    /// <summary>
    /// The type of its Pulumi component (<c>superset:k8s:&lt;this&gt;</c>) when the generic component
    /// builds it from <see cref="Container"/>; the name its own component had, so URNs stay.
    /// </summary>
    public virtual string? ComponentType => null;

    /// <summary>Whether a stack with this plan deploys it.</summary>
    public abstract bool IsDeployedIn(StackPlan plan);

    /// <summary>Its pods at the autoscaler's minimum and maximum, as the cost model prices them.</summary>
    public abstract IEnumerable<PodGroup> Pods(StackPlan plan);

    /// <summary>Declares what it connects to, who may connect to it, and what must be refused.</summary>
    public virtual void Connect(ConnectionBuilder connections)
    {
    }

    /// <summary>
    /// The container of a small service (an exporter, Flower, the websocket server), which the
    /// generic component builds with its Service; null for the workloads with components of their own.
    /// </summary>
    public virtual ServiceContainer? Container(StackPlan plan) => null;
}
