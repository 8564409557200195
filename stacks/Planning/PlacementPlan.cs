using Superset.Configuration;

namespace Superset.Planning;

/// <summary>
/// Where one role's pods run: its placement merged over the stack's default, and, where neither sets
/// topologySpreadConstraints, the topology keys its pods spread over by default (each with maxSkew 1,
/// ScheduleAnyway and the workload's own selector, which its component knows).
/// </summary>
/// <param name="Placement">nodeSelector, tolerations, affinity, topologySpreadConstraints, priorityClassName.</param>
/// <param name="SpreadTopologyKeys">Zones and nodes for web and pools of 2 or more pods; empty otherwise.</param>
public sealed record PlacementPlan(PodPlacement Placement, IReadOnlyList<string> SpreadTopologyKeys)
{
    /// <summary>Nothing set, no spreading.</summary>
    public static PlacementPlan None { get; } = new(PodPlacement.None, []);
}

/// <summary>
/// What every pod of the stack carries beside its role's placement: the account Superset's pods run
/// as, pull secrets, the small services' placement and sizes, additions to Superset's pods, the data
/// services' volumes.
/// </summary>
public sealed record PodsPlan
{
    /// <summary>The account of web, workers, beat and init.</summary>
    public required ServiceAccountSettings ServiceAccount { get; init; }

    /// <summary>Pull secrets of every pod.</summary>
    public required IReadOnlyList<string> ImagePullSecrets { get; init; }

    /// <summary>The init Job's pod and placement.</summary>
    public required PodResources InitPod { get; init; }

    /// <summary>The init Job's placement.</summary>
    public required PlacementPlan InitPlacement { get; init; }

    /// <summary>Where the small services and in-cluster data services run.</summary>
    public required PlacementPlan ServicesPlacement { get; init; }

    /// <summary>The small services' sizes.</summary>
    public required ServicePods Services { get; init; }

    /// <summary>Additions to Superset's pods, by role (web, worker, beat, init), with sidecars' security contexts completed.</summary>
    public required IReadOnlyDictionary<string, PodOverrides> Overrides { get; init; }

    /// <summary>The in-cluster data services' volumes.</summary>
    public required DataStorage Storage { get; init; }

    /// <summary>The additions of a role, or none.</summary>
    public PodOverrides? Of(string role) => Overrides.GetValueOrDefault(role);

    /// <summary>What a role's sidecars ask for on top of the main container (init containers run before it, so they add nothing to a running pod).</summary>
    public PodResources SidecarRequests(string role)
    {
        var (cpu, memory) = Of(role)?.Sidecars is { } sidecars ? Quantities.Requests(System.Text.Json.Nodes.JsonNode.Parse(sidecars.Json)!.AsArray()) : (0, 0);
        return new PodResources(cpu, memory);
    }
}
