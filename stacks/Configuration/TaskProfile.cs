namespace Superset.Configuration;

/// <summary>What one queue's tasks are like.</summary>
/// <param name="MeanSeconds">Mean run time.</param>
/// <param name="P95Seconds">95th percentile run time; must stay below the soft time limit.</param>
/// <param name="PeakPerMinute">Arrivals at the busiest minutes (the autoscaling article's 10× spike tops out here).</param>
public sealed record TaskProfile(decimal MeanSeconds, decimal P95Seconds, decimal PeakPerMinute);
