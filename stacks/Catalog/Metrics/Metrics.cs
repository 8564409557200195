namespace Superset.Catalog.Metrics;

/// <summary>Which exporter in (or beside) this stack exposes a metric.</summary>
public enum MetricSource
{
    /// <summary>danihodovic/celery-exporter 0.12 (src/exporter.py), deployed by this program.</summary>
    CeleryExporter,

    /// <summary>oliver006/redis_exporter, a sidecar of each in-cluster Redis.</summary>
    RedisExporter,

    /// <summary>prometheus-community/postgres_exporter, deployed by this program.</summary>
    PostgresExporter,

    /// <summary>kube-state-metrics (kube-prometheus-stack).</summary>
    KubeStateMetrics,

    /// <summary>KEDA's operator (kedacore/keda pkg/metricscollector/prommetrics.go@v2.20.2), scraped through its chart's ServiceMonitor.</summary>
    KedaOperator,

    /// <summary>the kubelet's cAdvisor (kube-prometheus-stack scrapes it).</summary>
    Cadvisor,

    /// <summary>the ingress-nginx controller (controller.metrics.enabled).</summary>
    IngressNginx,
}

/// <summary>
/// Every metric the alerts, the autoscaler and the dashboards read, with its source and the labels
/// its exporter sets on it: one list to check an expression against (an unknown name or label is a
/// bug, not a silent empty panel). Only metrics the exporters set with a Redis broker are here:
/// celery-exporter sets <c>celery_active_consumer_count</c> only for amqp and memory transports
/// (danihodovic/celery-exporter src/exporter.py@v0.12.2, track_queue_metrics), so it is not.
/// </summary>
public static class Metrics
{
    /// <summary>
    /// KEDA operator counters (kedacore/keda pkg/metricscollector/prommetrics.go@v2.20.2: namespace
    /// "keda", subsystem "scaler", name "detail_errors_total", labels namespace, metric, scaledObject,
    /// scaler, triggerIndex, type). keda_scaler_errors_total does not exist at that version.
    /// </summary>
    public const string KedaScalerErrors = "keda_scaler_detail_errors_total";

    /// <summary>Errors per ScaledObject (same file: subsystem "scaled_object", name "errors_total", labels namespace, scaledObject).</summary>
    public const string KedaScaledObjectErrors = "keda_scaled_object_errors_total";

    /// <summary>The value each trigger (and the composite formula) last read (same file: "scaler", "metrics_value").</summary>
    public const string KedaScalerMetricValue = "keda_scaler_metrics_value";

    public const string CeleryQueueLength = "celery_queue_length";
    public const string CeleryActiveWorkers = "celery_active_worker_count";
    public const string CeleryWorkerUp = "celery_worker_up";
    public const string CeleryTaskStarted = "celery_task_started_total";
    public const string CeleryTaskSucceeded = "celery_task_succeeded_total";
    public const string CeleryTaskFailed = "celery_task_failed_total";
    public const string CeleryTaskRuntimeBucket = "celery_task_runtime_bucket";
    public const string CeleryWorkerTasksActive = "celery_worker_tasks_active";
    public const string RedisEvictedKeys = "redis_evicted_keys_total";
    public const string RedisMemoryUsed = "redis_memory_used_bytes";
    public const string RedisMemoryMax = "redis_memory_max_bytes";
    public const string RedisConnectedClients = "redis_connected_clients";
    public const string PgBackends = "pg_stat_database_numbackends";
    public const string PgMaxConnections = "pg_settings_max_connections";
    public const string HpaCurrentReplicas = "kube_horizontalpodautoscaler_status_current_replicas";
    public const string HpaDesiredReplicas = "kube_horizontalpodautoscaler_status_desired_replicas";
    public const string HpaMaxReplicas = "kube_horizontalpodautoscaler_spec_max_replicas";
    public const string HpaMinReplicas = "kube_horizontalpodautoscaler_spec_min_replicas";
    public const string DeploymentAvailable = "kube_deployment_status_replicas_available";
    public const string ContainerLimits = "kube_pod_container_resource_limits";
    public const string ContainerRequests = "kube_pod_container_resource_requests";
    public const string ContainerRestarts = "kube_pod_container_status_restarts_total";
    public const string ContainerLastTerminated = "kube_pod_container_status_last_terminated_reason";
    public const string ContainerCpu = "container_cpu_usage_seconds_total";
    public const string ContainerMemory = "container_memory_working_set_bytes";
    public const string IngressRequests = "nginx_ingress_controller_requests";
    public const string IngressDurationBucket = "nginx_ingress_controller_request_duration_seconds_bucket";

    /// <summary>Each metric and its exporter.</summary>
    public static IReadOnlyDictionary<string, MetricSource> Sources { get; } = new Dictionary<string, MetricSource>(StringComparer.Ordinal)
    {
        [CeleryQueueLength] = MetricSource.CeleryExporter,
        [CeleryActiveWorkers] = MetricSource.CeleryExporter,
        [CeleryWorkerUp] = MetricSource.CeleryExporter,
        [CeleryTaskStarted] = MetricSource.CeleryExporter,
        [CeleryTaskSucceeded] = MetricSource.CeleryExporter,
        [CeleryTaskFailed] = MetricSource.CeleryExporter,
        [CeleryTaskRuntimeBucket] = MetricSource.CeleryExporter,
        [CeleryWorkerTasksActive] = MetricSource.CeleryExporter,
        [RedisEvictedKeys] = MetricSource.RedisExporter,
        [RedisMemoryUsed] = MetricSource.RedisExporter,
        [RedisMemoryMax] = MetricSource.RedisExporter,
        [RedisConnectedClients] = MetricSource.RedisExporter,
        [PgBackends] = MetricSource.PostgresExporter,
        [PgMaxConnections] = MetricSource.PostgresExporter,
        [HpaCurrentReplicas] = MetricSource.KubeStateMetrics,
        [HpaDesiredReplicas] = MetricSource.KubeStateMetrics,
        [HpaMaxReplicas] = MetricSource.KubeStateMetrics,
        [HpaMinReplicas] = MetricSource.KubeStateMetrics,
        [DeploymentAvailable] = MetricSource.KubeStateMetrics,
        [ContainerLimits] = MetricSource.KubeStateMetrics,
        [ContainerRequests] = MetricSource.KubeStateMetrics,
        [ContainerRestarts] = MetricSource.KubeStateMetrics,
        [ContainerLastTerminated] = MetricSource.KubeStateMetrics,
        [ContainerCpu] = MetricSource.Cadvisor,
        [ContainerMemory] = MetricSource.Cadvisor,
        [IngressRequests] = MetricSource.IngressNginx,
        [IngressDurationBucket] = MetricSource.IngressNginx,
        [KedaScalerErrors] = MetricSource.KedaOperator,
        [KedaScaledObjectErrors] = MetricSource.KedaOperator,
        [KedaScalerMetricValue] = MetricSource.KedaOperator,
    };

    /// <summary>
    /// The labels each exporter itself sets on a metric (before Prometheus adds the target's
    /// <see cref="TargetLabels"/>), read from the exporter's source at the pinned version.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        // danihodovic/celery-exporter src/exporter.py@v0.12.2: queue gauges by queue_name, set for
        // every queue of --queues on each scrape (active workers from `inspect active_queues`); task
        // counters and the runtime histogram by name, hostname, queue_name (+ exception on failures);
        // worker gauges by hostname, which get_hostname() cuts to the part after '@' (the pod name).
        [CeleryQueueLength] = ["queue_name"],
        [CeleryActiveWorkers] = ["queue_name"],
        [CeleryWorkerUp] = ["hostname"],
        [CeleryWorkerTasksActive] = ["hostname"],
        [CeleryTaskStarted] = ["name", "hostname", "queue_name"],
        [CeleryTaskSucceeded] = ["name", "hostname", "queue_name"],
        [CeleryTaskFailed] = ["name", "hostname", "exception", "queue_name"],
        [CeleryTaskRuntimeBucket] = ["name", "hostname", "queue_name", "le"],
        // oliver006/redis_exporter exporter/exporter.go@v1.67.0: INFO fields without labels
        // (evicted_keys → evicted_keys_total, used_memory → memory_used_bytes, maxmemory →
        // memory_max_bytes, connected_clients).
        [RedisEvictedKeys] = [],
        [RedisMemoryUsed] = [],
        [RedisMemoryMax] = [],
        [RedisConnectedClients] = [],
        // prometheus-community/postgres_exporter collector/pg_stat_database.go@v0.15.0 (datid, datname)
        // and cmd/postgres_exporter/pg_setting.go@v0.15.0 (pg_settings_<name>, no labels).
        [PgBackends] = ["datid", "datname"],
        [PgMaxConnections] = [],
        // kubernetes/kube-state-metrics docs/metrics (HPA, Deployment, container metrics).
        [HpaCurrentReplicas] = ["namespace", "horizontalpodautoscaler"],
        [HpaDesiredReplicas] = ["namespace", "horizontalpodautoscaler"],
        [HpaMaxReplicas] = ["namespace", "horizontalpodautoscaler"],
        [HpaMinReplicas] = ["namespace", "horizontalpodautoscaler"],
        [DeploymentAvailable] = ["namespace", "deployment"],
        [ContainerLimits] = ["namespace", "pod", "container", "node", "resource", "unit"],
        [ContainerRequests] = ["namespace", "pod", "container", "node", "resource", "unit"],
        [ContainerRestarts] = ["namespace", "pod", "container"],
        [ContainerLastTerminated] = ["namespace", "pod", "container", "reason"],
        // cAdvisor through the kubelet (kube-prometheus-stack).
        [ContainerCpu] = ["namespace", "pod", "container", "id", "image", "name", "cpu"],
        [ContainerMemory] = ["namespace", "pod", "container", "id", "image", "name"],
        // kubernetes/ingress-nginx controller metrics; `namespace` becomes exported_namespace when scraped.
        [IngressRequests] = ["exported_namespace", "ingress", "service", "status", "method", "path", "host", "controller_class", "controller_namespace", "controller_pod"],
        [IngressDurationBucket] = ["exported_namespace", "ingress", "service", "status", "method", "path", "host", "controller_class", "controller_namespace", "controller_pod", "le"],
        // kedacore/keda pkg/metricscollector/prommetrics.go@v2.20.2: scaler gauges and error counters
        // by metricLabels (namespace, metric, scaledObject, scaler, triggerIndex, type), ScaledObject
        // errors by namespace and scaledObject. The chart's ServiceMonitor keeps no honorLabels
        // (kedacore/charts keda/templates/manager/servicemonitor.yaml@v2.20.2), so the ScaledObject's
        // namespace arrives as exported_namespace, the operator's own as namespace.
        [KedaScalerMetricValue] = ["exported_namespace", "metric", "scaledObject", "scaler", "triggerIndex", "type"],
        [KedaScalerErrors] = ["exported_namespace", "metric", "scaledObject", "scaler", "triggerIndex", "type"],
        [KedaScaledObjectErrors] = ["exported_namespace", "scaledObject"],
    };

    /// <summary>
    /// Labels Prometheus Operator adds to every series of a ServiceMonitor target (namespace, service,
    /// pod, job, endpoint, instance, container): a celery-exporter or redis_exporter series carries
    /// the exporter's own namespace and Service.
    /// </summary>
    public static IReadOnlyList<string> TargetLabels { get; } = ["namespace", "service", "pod", "job", "endpoint", "instance", "container"];
}
