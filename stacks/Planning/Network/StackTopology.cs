namespace Superset.Planning.Network;

/// <summary>
/// Who talks to whom in one stack, declared once: the workloads it deploys, every connection they
/// need (and why), the paths the Ingress routes, and the connections that must stay refused. The
/// NetworkPolicies, the Services' and ServiceMonitors' ports and the connection matrix all come from it.
/// </summary>
/// <param name="Namespace">The stack's namespace.</param>
/// <param name="Workloads">Every kind of pod the stack deploys.</param>
/// <param name="Connections">Every connection to a pod of the stack that must be allowed.</param>
/// <param name="Forbidden">Connections that must be refused (checked by the connectivity test and the matrix).</param>
/// <param name="IngressRoutes">Paths of the Superset host besides <c>/</c> (the web Service).</param>
public sealed record StackTopology(
    string Namespace,
    IReadOnlyList<Workload> Workloads,
    IReadOnlyList<Connection> Connections,
    IReadOnlyList<Connection> Forbidden,
    IReadOnlyList<IngressRoute> IngressRoutes)
{
    /// <summary>Name of the policy that denies every ingress not admitted by another.</summary>
    public const string DefaultDenyPolicy = "superset-default-deny";

    /// <summary>The workload of a component; throws if the stack deploys none.</summary>
    public Workload Workload(string component) =>
        Workloads.SingleOrDefault(w => w.Component == component) ?? throw new ArgumentException($"the stack deploys no {component}", nameof(component));

    /// <summary>Whether the stack deploys a component.</summary>
    public bool Has(string component) => Workloads.Any(w => w.Component == component);

    /// <summary>Workloads with a metrics port: a ServiceMonitor each.</summary>
    public IReadOnlyList<Workload> MetricsWorkloads => Workloads.Where(w => w.MetricsPort is not null).ToList();

    /// <summary>
    /// The NetworkPolicies: one that selects every pod of the namespace and admits nothing (so a pod
    /// nobody connects to, or a future one, is closed), and one per destination that admits, per
    /// port, exactly the sources the connections list. Ingress only: Superset connects out to
    /// warehouses anywhere, so egress stays open (docs/network.md, "Egress").
    /// </summary>
    public IReadOnlyList<PolicySpec> Policies()
    {
        var policies = new List<PolicySpec> { new(DefaultDenyPolicy, null, []) };
        foreach (var target in Connections.GroupBy(c => c.To).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var workload = Workload(target.Key);
            var rules = target.GroupBy(c => workload.Port(c.Port).Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(port => new PolicyRule(
                port.Key,
                port.Select(c => c.From).OfType<PodsOf>().Select(p => p.Component).Distinct().Order(StringComparer.Ordinal).ToList(),
                port.Select(c => c.From).OfType<InNamespace>().DistinctBy(n => (n.Namespace, n.Label)).OrderBy(n => n.Label, StringComparer.Ordinal).ToList())
            {
                FromCidrs = port.Select(c => c.From).OfType<FromCidr>().Select(c => c.Cidr).Distinct().Order(StringComparer.Ordinal).ToList(),
            }).ToList();
            policies.Add(new PolicySpec($"superset-{target.Key}", target.Key, rules));
        }

        return policies;
    }
}
