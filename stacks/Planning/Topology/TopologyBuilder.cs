using Superset.Planning.Network;
using Superset.Planning.Workloads;

namespace Superset.Planning.Topology;

/// <summary>
/// Builds a stack's topology from its plan: every workload of <see cref="WorkloadRegistry"/> the stack
/// deploys, and what each declares about its connections (its <see cref="WorkloadSpec.Connect"/>).
/// The NetworkPolicies, Services, ServiceMonitors, Ingress paths and the matrix follow from it.
/// </summary>
public static class TopologyBuilder
{
    /// <summary>The topology of one stack.</summary>
    public static StackTopology For(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var deployed = WorkloadRegistry.Of(plan);
        var needed = new List<Connection>();
        var forbidden = new List<Connection>();
        var routes = new List<IngressRoute>();
        foreach (var workload in deployed)
        {
            workload.Connect(new ConnectionBuilder(plan, workload.Identity, needed, forbidden, routes));
        }

        // A connection to or from a workload this stack does not deploy (the in-cluster broker on
        // AWS, where the exporter under its name has no Redis port) leads nowhere the
        // NetworkPolicies govern.
        var components = deployed.Select(w => w.Identity.Component).ToHashSet(StringComparer.Ordinal);
        bool Present(Connection c) =>
            deployed.Any(w => w.Identity.Component == c.To && w.Identity.Ports.Any(p => p.Name == c.Port))
            && (c.From is not PodsOf p || components.Contains(p.Component));
        return new StackTopology(plan.Namespace, deployed.Select(w => w.Identity).DistinctBy(w => w.Component).ToList(),
            needed.Where(Present).ToList(), forbidden.Where(Present).ToList(), routes);
    }
}
