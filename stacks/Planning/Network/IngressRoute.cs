namespace Superset.Planning.Network;

/// <summary>A path of the Superset host the Ingress routes to a workload's Service.</summary>
/// <param name="Path">URL path prefix.</param>
/// <param name="Component">The workload behind it.</param>
/// <param name="Port">Its port name (the Service port of that name).</param>
public sealed record IngressRoute(string Path, string Component, string Port);
