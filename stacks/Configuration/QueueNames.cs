namespace Superset.Configuration;

/// <summary>The queue names every stack has.</summary>
public static class QueueNames
{
    /// <summary>Celery's default queue here (<c>task_default_queue</c>): tasks without a route land in it, so it cannot be removed.</summary>
    public const string Default = "default";
}
