namespace Superset.Stacks.Monitoring;

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
/// Every metric the alerts, the autoscaler and the dashboards read, with its source: one list to
/// check an expression against (an unknown name is a bug, not a silent empty panel).
/// </summary>
public static class Metrics
{
    public const string CeleryQueueLength = "celery_queue_length";
    public const string CeleryActiveConsumers = "celery_active_consumer_count";
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
        [CeleryActiveConsumers] = MetricSource.CeleryExporter,
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
        [KedaAlertRules.ScalerErrors] = MetricSource.KedaOperator,
        [KedaAlertRules.ScaledObjectErrors] = MetricSource.KedaOperator,
        [KedaAlertRules.ScalerMetricValue] = MetricSource.KedaOperator,
    };
}
