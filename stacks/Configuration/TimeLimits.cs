namespace Superset.Configuration;

/// <summary>Celery's time limits of one pool, in seconds (Celery's limits are seconds, not milliseconds).</summary>
/// <param name="SoftSeconds">The task gets SoftTimeLimitExceeded and may clean up.</param>
/// <param name="HardSeconds">The child is killed.</param>
public sealed record TimeLimits(int SoftSeconds, int HardSeconds);
