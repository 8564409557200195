namespace Superset.Planning.Workloads;

/// <summary>
/// Superset's four kinds of process: one image, one <c>superset_config.py</c>, one pod template
/// (the components' SupersetPodTemplate). Each is a workload of its own (Web, Workers, Beat, Init);
/// the data services admit all four.
/// </summary>
public static class SupersetProcesses
{
    /// <summary>The gunicorn web pods.</summary>
    public const string Web = "web";

    /// <summary>The Celery worker pools (one Deployment per queue, told apart by the queue label).</summary>
    public const string Worker = "worker";

    /// <summary>Celery beat.</summary>
    public const string Beat = "beat";

    /// <summary>The init Job (migrations, roles).</summary>
    public const string Init = "init";

    /// <summary>Every one, in the order the matrix lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Web, Worker, Beat, Init];
}
