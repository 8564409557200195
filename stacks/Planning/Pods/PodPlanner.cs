using Superset.Configuration;

namespace Superset.Planning.Pods;

/// <summary>
/// Plans what every pod carries beside its size: each role's placement over the stack's default, the
/// default spreading, and the additions to Superset's pods (checked by <see cref="PodOverrideChecks"/>).
/// </summary>
public static class PodPlanner
{
    /// <summary>
    /// The topology keys web and pools of two or more pods spread over by default: zones, then nodes
    /// (kubernetes/api core/v1/well_known_labels.go@v0.36.1, LabelTopologyZone and LabelHostname).
    /// </summary>
    public static IReadOnlyList<string> SpreadKeys { get; } = ["topology.kubernetes.io/zone", "kubernetes.io/hostname"];

    /// <summary>A role's placement over the stack's default; spread by default when <paramref name="spread"/> and neither sets constraints.</summary>
    public static PlacementPlan Place(PodPlacement role, PodPlacement fallback, bool spread)
    {
        ArgumentNullException.ThrowIfNull(role);
        var merged = role.Over(fallback);
        return new PlacementPlan(merged, spread && merged.TopologySpreadConstraints is null ? SpreadKeys : []);
    }

    /// <summary>What every pod of the stack carries; refusals go to <paramref name="errors"/>.</summary>
    public static PodsPlan Plan(StackSettings settings, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var pods = settings.Pods;
        var overrides = pods.Overrides.ToDictionary(o => o.Key, o => PodOverrideChecks.Check(o.Key, o.Value, errors), StringComparer.Ordinal);
        return new PodsPlan
        {
            ServiceAccount = pods.ServiceAccount,
            ImagePullSecrets = pods.ImagePullSecrets,
            InitPod = pods.Init.Pod,
            InitPlacement = Place(pods.Init.Scheduling, pods.Scheduling, spread: false),
            ServicesPlacement = Place(pods.ServicesScheduling, pods.Scheduling, spread: false),
            Services = pods.Services,
            Overrides = overrides,
            Storage = pods.Storage,
        };
    }
}
