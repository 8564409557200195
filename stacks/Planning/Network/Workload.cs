namespace Superset.Planning.Network;

/// <summary>
/// One kind of pod of a stack: its <c>app.kubernetes.io/component</c> label, the Service in front of
/// it (if any) and the ports its containers listen on.
/// </summary>
/// <param name="Component">The component label; with name and instance, the pods' selector.</param>
/// <param name="ServiceName">The ClusterIP Service's name, or null for a workload nobody connects to.</param>
/// <param name="Ports">Its containers' ports.</param>
/// <param name="What">What it is, for the connection matrix.</param>
public sealed record Workload(string Component, string? ServiceName, IReadOnlyList<WorkloadPort> Ports, string What)
{
    /// <summary>The port named <paramref name="name"/>.</summary>
    public WorkloadPort Port(string name) =>
        Ports.SingleOrDefault(p => p.Name == name) ?? throw new ArgumentException($"{Component} has no port {name}", nameof(name));

    /// <summary>The metrics port, if the workload serves metrics.</summary>
    public WorkloadPort? MetricsPort => Ports.SingleOrDefault(p => p.Metrics);
}
