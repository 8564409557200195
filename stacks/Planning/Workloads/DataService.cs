namespace Superset.Planning.Workloads;

/// <summary>What every in-cluster data service refuses.</summary>
public static class DataService
{
    /// <summary>Only the stack's own clients reach a data port: not another namespace, not the ingress controller, not Prometheus.</summary>
    public static void RefuseOutsiders(ConnectionBuilder connections, string port)
    {
        ArgumentNullException.ThrowIfNull(connections);
        connections.Refuse(ConnectionBuilder.Foreign, port, "data services admit the stack's own clients only");
        connections.RefuseIngress(port, "the ingress controller reaches the web tier only");
        if (connections.Plan.Monitoring.Enabled)
        {
            connections.Refuse(connections.Prometheus, port, "Prometheus reaches metrics ports only");
        }
    }
}
