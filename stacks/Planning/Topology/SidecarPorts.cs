using Superset.Planning.Network;
using Superset.Planning.Workloads;

namespace Superset.Planning.Topology;

/// <summary>
/// The ports of the sidecars a stack adds to Superset's pods (<c>podOverrides.&lt;role&gt;.ports</c>): each is
/// a port of its role's workload, admitted to exactly the sources it names and refused to another
/// namespace's pods, so its NetworkPolicy rule and matrix rows follow like any other port's.
/// </summary>
internal static class SidecarPorts
{
    /// <summary>The workload with its role's sidecar ports added.</summary>
    public static Workload With(Workload workload, StackPlan plan) =>
        plan.Pods.Of(workload.Component) is { Ports.Count: > 0 } o
            ? workload with { Ports = [.. workload.Ports, .. o.Ports.Select(p => new WorkloadPort(p.Name, p.Port, p.Port))] }
            : workload;

    /// <summary>Every sidecar port's connections: those it names, and another namespace's pods refused.</summary>
    public static void Connect(StackPlan plan, Workload role, List<Connection> needed, List<Connection> forbidden)
    {
        if (plan.Pods.Of(role.Component) is not { Ports.Count: > 0 } o)
        {
            return;
        }

        var builder = new ConnectionBuilder(plan, role, needed, forbidden, []);
        foreach (var port in o.Ports)
        {
            var why = $"a sidecar port of podOverrides.{role.Component} ({port.Name})";
            foreach (var from in port.From)
            {
                switch (from)
                {
                    case "prometheus":
                        builder.Admit(builder.Prometheus, port.Name, why);
                        break;
                    case "ingress":
                        builder.AdmitIngress(port.Name, why);
                        break;
                    default:
                        builder.Admit(ConnectionBuilder.Pods(from), port.Name, why);
                        break;
                }
            }

            builder.Refuse(ConnectionBuilder.Foreign, port.Name, $"{why}: only the sources podOverrides names");
        }
    }
}
