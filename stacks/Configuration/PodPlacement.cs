using System.Text.Json.Nodes;

namespace Superset.Configuration;

/// <summary>
/// Where a role's pods may run (<c>scheduling</c>, <c>web.scheduling</c>, <c>queues.&lt;name&gt;.scheduling</c>,
/// …): the PodSpec fields of Kubernetes' scheduling, each null where the stack sets nothing.
/// </summary>
/// <param name="NodeSelector">nodeSelector.</param>
/// <param name="Tolerations">tolerations (a list of core.v1.Toleration).</param>
/// <param name="Affinity">affinity (core.v1.Affinity).</param>
/// <param name="TopologySpreadConstraints">topologySpreadConstraints (a list of core.v1.TopologySpreadConstraint).</param>
/// <param name="PriorityClassName">priorityClassName.</param>
public sealed record PodPlacement(
    IReadOnlyDictionary<string, string>? NodeSelector,
    KubernetesValue? Tolerations,
    KubernetesValue? Affinity,
    KubernetesValue? TopologySpreadConstraints,
    string? PriorityClassName)
{
    /// <summary>Nothing set.</summary>
    public static PodPlacement None { get; } = new(null, null, null, null, null);

    /// <summary>
    /// This role's placement over the stack's default: nodeSelector merged by key and affinity by its
    /// three kinds (node, pod, pod anti-affinity), the role's entry winning; a list or a name the role
    /// sets replaces the default's.
    /// </summary>
    public PodPlacement Over(PodPlacement fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        IReadOnlyDictionary<string, string>? selector = NodeSelector is null ? fallback.NodeSelector
            : fallback.NodeSelector is null ? NodeSelector
            : fallback.NodeSelector.Concat(NodeSelector).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        return new PodPlacement(selector, Tolerations ?? fallback.Tolerations, MergeAffinity(Affinity, fallback.Affinity),
            TopologySpreadConstraints ?? fallback.TopologySpreadConstraints, PriorityClassName ?? fallback.PriorityClassName);
    }

    private static KubernetesValue? MergeAffinity(KubernetesValue? role, KubernetesValue? fallback)
    {
        if (role is null || fallback is null)
        {
            return role ?? fallback;
        }

        var merged = JsonNode.Parse(fallback.Json)!.AsObject();
        foreach (var (kind, value) in JsonNode.Parse(role.Json)!.AsObject())
        {
            merged[kind] = value?.DeepClone();
        }

        return role with { Json = merged.ToJsonString() };
    }
}
