using Superset.Catalog.Metrics;
using Superset.Planning.Workloads.Redis;

namespace Superset.Artifacts.Monitoring;

/// <summary>
/// The label matchers and aggregates that both the alert rules and the dashboards select by, so a
/// panel and the alert beside it read the same series. <c>ns</c> is a namespace or the dashboards'
/// <c>$namespace</c> variable.
/// </summary>
public static class Selectors
{
    /// <summary>A queue's series of celery-exporter.</summary>
    public static string Queue(string ns, string queue) => $"namespace=\"{ns}\", queue_name=\"{queue}\"";

    /// <summary>One HPA's series of kube-state-metrics.</summary>
    public static string Hpa(string ns, string hpa) => $"namespace=\"{ns}\", horizontalpodautoscaler=\"{hpa}\"";

    /// <summary>
    /// The Superset Ingress at the controller. Matched on <c>exported_namespace</c>: Prometheus renames
    /// the controller's own <c>namespace</c> label when it scrapes the controller in its namespace.
    /// </summary>
    public static string Ingress(string ns) => $"exported_namespace=\"{ns}\", ingress=\"superset\"";

    /// <summary>The gunicorn containers.</summary>
    public static string WebContainer(string ns) => $"namespace=\"{ns}\", container=\"web\"";

    /// <summary>One Redis role's exporter (the Service label its ServiceMonitor adds).</summary>
    public static string Redis(string ns, string role) => $"namespace=\"{ns}\", service=\"{(role == "broker" ? RedisWorkload.Broker : RedisWorkload.Cache).Identity.ServiceName}\"";

    /// <summary>Tasks waiting in a queue (max: one exporter, or two for a moment during a rollout).</summary>
    public static string QueueDepth(string ns, string queue) => $"max({Metrics.CeleryQueueLength}{{{Queue(ns, queue)}}})";

    /// <summary>One HPA's value of a kube-state-metrics gauge.</summary>
    public static string HpaValue(string metric, string ns, string hpa) => $"max({metric}{{{Hpa(ns, hpa)}}})";

    /// <summary>Each web pod's working set against its memory limit.</summary>
    public static string WebMemoryRatio(string ns) =>
        $"max by (pod) ({Metrics.ContainerMemory}{{{WebContainer(ns)}}}) / max by (pod) ({Metrics.ContainerLimits}{{{WebContainer(ns)}, resource=\"memory\"}})";
}
