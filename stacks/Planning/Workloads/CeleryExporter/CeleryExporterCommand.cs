using System.Globalization;
using Superset.Catalog;

namespace Superset.Planning.Workloads.CeleryExporter;

/// <summary>
/// The arguments of danihodovic/celery-exporter (<see cref="Images.CeleryExporter"/>), each read from
/// its src/cli.py@v0.12.2: part of its workload slice, an add-on's container arguments.
/// </summary>
public static class CeleryExporterCommand
{
    /// <summary>celery-exporter's default port (src/cli.py@v0.12.2 --port, default 9808).</summary>
    public const int Port = 9808;

    /// <summary>
    /// Seconds after which a silent worker's series are dropped (src/cli.py@v0.12.2
    /// --purge-offline-worker-metrics, default 600): a pod removed by scale-down disappears before
    /// the 15-minute SupersetCeleryWorkerDown alert would fire on it.
    /// </summary>
    public const int PurgeOfflineWorkerSeconds = 600;

    /// <summary>
    /// The queue a task event is labelled with when the exporter did not see the task sent
    /// (src/exporter.py@v0.12.2: <c>getattr(task, "queue", self.default_queue_name)</c>; the
    /// attribute comes only from a task-sent event). Its default is Celery's <c>celery</c>, a queue
    /// no pool here has: Superset's config sets <c>task_default_queue</c> to this.
    /// </summary>
    public const string DefaultQueue = "default";

    /// <summary>The container arguments.</summary>
    public static IReadOnlyList<string> Args(IEnumerable<string> queues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        return
        [
            // Every pool's queue (src/cli.py@v0.12.2 --queues), so its metrics exist while the pool is idle.
            $"--queues={string.Join(',', queues)}",
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}",
            $"--purge-offline-worker-metrics={PurgeOfflineWorkerSeconds.ToString(CultureInfo.InvariantCulture)}",
            $"--default-queue-name={DefaultQueue}",
        ];
    }
}
