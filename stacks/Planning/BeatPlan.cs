using Superset.Configuration;

namespace Superset.Planning;

/// <summary>Celery beat: exactly one replica (two would send every periodic task twice).</summary>
/// <param name="Replicas">Always 1.</param>
/// <param name="Pod">Its pod: one process, no tasks run in it.</param>
public sealed record BeatPlan(int Replicas, PodResources Pod)
{
    /// <summary>Where beat runs.</summary>
    public PlacementPlan Placement { get; init; } = PlacementPlan.None;
}
