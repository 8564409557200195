using Pulumi;
using Superset.Planning.Workloads;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="ServiceWorkload"/>.</summary>
public sealed record ServiceWorkloadArgs
{
    /// <summary>Namespace of the stack.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Stack name (the instance label).</summary>
    public required string Instance { get; init; }

    /// <summary>The workload: its name, labels, ports and component type.</summary>
    public required WorkloadSpec Workload { get; init; }

    /// <summary>Its container, as its spec gives it for the stack's plan.</summary>
    public required ServiceContainer Container { get; init; }

    /// <summary>Where the database, broker and cache are, and the credentials Secret.</summary>
    public required DataConnections Data { get; init; }

    /// <summary>The small services' placement and the stack's pull secrets.</summary>
    public required Superset.Planning.PodsPlan Pods { get; init; }
}
