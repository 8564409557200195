using Superset.Configuration;

namespace Superset.Planning;

/// <summary>Celery settings shared by every pool.</summary>
/// <param name="VisibilityTimeoutSeconds">Redis transport visibility timeout: longer than any hard time limit.</param>
/// <param name="Profile">The tier's Celery profile (result expiry, rate limits, compression).</param>
public sealed record CeleryPlan(int VisibilityTimeoutSeconds, CeleryProfile Profile);
