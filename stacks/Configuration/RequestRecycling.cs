namespace Superset.Configuration;

/// <summary>gunicorn's worker recycling: a process is replaced after about this many requests.</summary>
/// <param name="MaxRequests">gunicorn --max-requests (0: never).</param>
/// <param name="Jitter">gunicorn --max-requests-jitter, so the processes do not all restart at once.</param>
public sealed record RequestRecycling(int MaxRequests, int Jitter);
