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
            var identity = SidecarPorts.With(workload.Identity, plan);
            workload.Connect(new ConnectionBuilder(plan, identity, needed, forbidden, routes));
            SidecarPorts.Connect(plan, identity, needed, forbidden);
        }

        // A connection to or from a workload this stack does not deploy (the in-cluster broker on
        // AWS, where the exporter under its name has no Redis port) leads nowhere the
        // NetworkPolicies govern.
        var identities = deployed.Select(w => SidecarPorts.With(w.Identity, plan)).ToList();
        var components = identities.Select(w => w.Component).ToHashSet(StringComparer.Ordinal);
        bool Present(Connection c) =>
            identities.Any(w => w.Component == c.To && w.Ports.Any(p => p.Name == c.Port))
            && (c.From is not PodsOf p || components.Contains(p.Component));
        return new StackTopology(plan.Namespace, identities.DistinctBy(w => w.Component).ToList(),
            needed.Where(Present).ToList(), forbidden.Where(Present).ToList(), routes);
    }
}
