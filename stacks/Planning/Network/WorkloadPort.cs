namespace Superset.Planning.Network;

/// <summary>A port a workload's container listens on, by name, and the port its Service exposes.</summary>
/// <param name="Name">The container port's name: NetworkPolicies, Services and ServiceMonitors refer to it by this name.</param>
/// <param name="Number">The container port.</param>
/// <param name="ServicePort">The Service's port (its targetPort is <paramref name="Name"/>).</param>
/// <param name="Metrics">Serves Prometheus metrics: scraped through a ServiceMonitor, reachable from Prometheus' namespace only.</param>
public sealed record WorkloadPort(string Name, int Number, int ServicePort, bool Metrics = false)
{
    /// <summary>The name of every metrics port (what the ServiceMonitors scrape).</summary>
    public const string MetricsName = "metrics";
}
