namespace Superset.Configuration.Tiers;

/// <summary>One row of a tier's queue table: what the tier sets for one queue (<see cref="TierCatalog"/>).</summary>
/// <param name="Queue">The queue (a <see cref="QueueProfiles"/> name).</param>
/// <param name="Replicas">The pool's bounds.</param>
/// <param name="PeakPerMinute">Tasks a minute at the busiest minutes the pool's maximum was chosen for.</param>
/// <param name="Shape">How its autoscaler moves (<see cref="QueueShapes"/>).</param>
public sealed record TierQueue(string Queue, ReplicaBounds Replicas, decimal PeakPerMinute, AutoscalerShape Shape)
{
    /// <summary>Time limits of this tier where they differ from the queue's profile.</summary>
    public TimeLimits? Limits { get; init; }

    /// <summary>Celery's prefetch multiplier where it differs from the tier's Celery profile (docs/decisions/0006-autoscaling-across-days.md).</summary>
    public int? PrefetchMultiplier { get; init; }
}
