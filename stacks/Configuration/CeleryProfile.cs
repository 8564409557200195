namespace Superset.Configuration;

/// <summary>
/// The app-wide Celery settings of a tier, from the async-queries article's three configurations
/// (docs/sources/async-queries.md): small runs its "Minimal", medium its "Enterprise", large its
/// "High-Throughput (Tuned for Dashboard Refresh Storms)". Per-queue values (prefetch, recycling,
/// time limits) live on the queues.
/// </summary>
/// <param name="Name">The article's name of the configuration.</param>
/// <param name="InteractivePrefetch">Prefetch of the short-task queues (default, cache): 4, 1, 8 in the article.</param>
/// <param name="ResultExpiresSeconds">result_expires: enterprise 3600, high-throughput 1800; minimal keeps Celery's default, one day.</param>
/// <param name="DisableRateLimits">worker_disable_rate_limits: the high-throughput profile turns rate limits off ("queue handles backpressure").</param>
/// <param name="Compression">task_compression: gzip in the high-throughput profile ("reduce broker memory"); null elsewhere.</param>
public sealed record CeleryProfile(string Name, int InteractivePrefetch, int ResultExpiresSeconds, bool DisableRateLimits, string? Compression);
