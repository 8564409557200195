using System.Globalization;
using Superset.Catalog.Metrics;
using YamlDotNet.Serialization;

namespace Superset.Artifacts.Monitoring;

/// <summary>One Prometheus alerting rule.</summary>
/// <param name="Alert">Alert name.</param>
/// <param name="Expr">PromQL; fires for every series it returns.</param>
/// <param name="For">How long the condition must hold (Prometheus duration), or null to fire at once.</param>
/// <param name="Severity"><c>critical</c> (page) or <c>warning</c> (ticket).</param>
/// <param name="Summary">One line.</param>
/// <param name="Description">The value and what to do (a runbook line).</param>
/// <param name="Labels">Extra labels, e.g. the queue.</param>
public sealed record AlertRule(string Alert, string Expr, string? For, string Severity, string Summary, string Description, IReadOnlyDictionary<string, string>? Labels = null);

/// <summary>A rule group: one concern, one PrometheusRule.</summary>
public sealed record AlertGroup(string Name, IReadOnlyList<AlertRule> Rules);

/// <summary>
/// The stack's alerting rules, one group per concern, generated from its thresholds: the queues and
/// pools (docs/sources/autoscaling.md), the broker and cache (docs/sources/async-queries.md), the database budget (docs/sources/worker-sizing.md) and the web
/// tier (docs/sources/memory-pressure.md).
/// </summary>
public static class AlertRules
{
    /// <summary>Every group for a stack.</summary>
    public static IReadOnlyList<AlertGroup> For(AlertThresholds t)
    {
        ArgumentNullException.ThrowIfNull(t);
        IReadOnlyList<AlertGroup> groups = [Queues(t), Redis(t), Database(t), Web(t)];
        return KedaAlertRules.For(t) is { } keda ? [.. groups, keda] : groups;
    }

    /// <summary>The 5 minutes a pool with workers gets before <c>SupersetQueueHasNoConsumer</c> fires.</summary>
    public const int NoConsumerSeconds = 300;

    /// <summary>How long tasks may wait with no consumer before a page: 5 minutes, plus the cold-start allowance of a pool that scales to zero.</summary>
    public static string NoConsumerFor(QueueThresholds q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return q.MinReplicas == 0 ? $"{NoConsumerSeconds + q.ColdStartSeconds}s" : "5m";
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static AlertGroup Queues(AlertThresholds t)
    {
        var ns = t.Namespace;
        var rules = new List<AlertRule>();
        foreach (var q in t.Queues)
        {
            var labels = new Dictionary<string, string> { ["queue"] = q.Queue };
            var depth = Selectors.QueueDepth(ns, q.Queue);
            var byQueue = Selectors.Queue(ns, q.Queue);
            var atMax = $"{Selectors.HpaValue(Metrics.HpaCurrentReplicas, ns, q.Deployment)} >= {Selectors.HpaValue(Metrics.HpaMaxReplicas, ns, q.Deployment)}";
            var started = $"sum(rate({Metrics.CeleryTaskStarted}{{{byQueue}}}[5m]))";
            var failed = $"sum(rate({Metrics.CeleryTaskFailed}{{{byQueue}}}[10m]))";
            var succeeded = $"sum(rate({Metrics.CeleryTaskSucceeded}{{{byQueue}}}[10m]))";
            var pods = $"namespace=\"{ns}\", pod=~\"{q.Deployment}-.*\", container=\"worker\"";

            rules.Add(new("SupersetQueueBacklog", $"{depth} > {q.BacklogTasks}", "5m", "warning",
                $"Queue {q.Queue} holds more tasks than its full pool is sized for",
                $"{{{{ $value }}}} tasks wait in {q.Queue} (threshold {q.BacklogTasks} = scaleUpThreshold × maxReplicas). Check the pool's HPA and the exporter; if the load is real, raise superset:queues.{q.Queue}.maxReplicas.", labels));
            rules.Add(new("SupersetQueueGrowingAtMaxReplicas", $"deriv(({depth})[10m:1m]) > 0 and on() {atMax}", "10m", "critical",
                $"Queue {q.Queue} keeps growing and its pool cannot add pods",
                $"{q.Deployment} runs its maximum of {q.MaxReplicas} pods and the queue still grows by {{{{ $value }}}} tasks/s. Raise superset:queues.{q.Queue}.maxReplicas (mind the database budget in `plan`) or find the slow tasks.", labels));
            rules.Add(new("SupersetPoolAtMaxReplicas", atMax, "10m", "warning",
                $"Pool {q.Queue} has run at its maximum for 10 minutes",
                $"{q.Deployment} is at maxReplicas ({q.MaxReplicas}). Set max at 2-3x the observed peak (docs/sources/autoscaling.md, lesson 4): if this repeats, raise superset:queues.{q.Queue}.maxReplicas.", labels));
            rules.Add(new("SupersetWorkerCpuHighQueueEmpty",
                $"sum(rate({Metrics.ContainerCpu}{{{pods}}}[5m])) / sum({Metrics.ContainerRequests}{{{pods}, resource=\"cpu\"}}) > 0.8 and on() {depth} == 0", "15m", "warning",
                $"Pool {q.Queue} burns CPU with an empty queue",
                $"Workers of {q.Queue} use {{{{ $value | humanizePercentage }}}} of their CPU request while nothing is queued: stuck or runaway tasks. `celery inspect active --destination {q.Queue}@<pod>` shows what runs.", labels));
            rules.Add(new("SupersetAutoscalerThrashing", $"changes({Metrics.HpaDesiredReplicas}{{{Selectors.Hpa(ns, q.Deployment)}}}[30m]) > {AlertThresholds.ThrashChanges}", null, "warning",
                $"The autoscaler of pool {q.Queue} keeps changing its mind",
                $"Desired replicas of {q.Deployment} changed {{{{ $value }}}} times in 30 minutes (threshold {AlertThresholds.ThrashChanges}). Raise superset:queues.{q.Queue}.scaleUpThreshold or minReplicas (docs/sources/autoscaling.md, lesson 1).", labels));
            rules.Add(new("SupersetTaskFailureRateHigh", $"{failed} / ({failed} + {succeeded}) > {N(AlertThresholds.TaskFailureRatio)}", "10m", "warning",
                $"More than {N(AlertThresholds.TaskFailureRatio * 100)} % of {q.Queue} tasks fail",
                $"{{{{ $value | humanizePercentage }}}} of the tasks of {q.Queue} failed in 10 minutes. The exception label of {Metrics.CeleryTaskFailed} names the cause; `kubectl -n {ns} logs deploy/{q.Deployment}` holds the traceback.", labels));
            // celery_active_worker_count: workers whose `inspect active_queues` reply lists the queue,
            // set on every scrape for each --queues entry with any transport (danihodovic/celery-exporter
            // src/exporter.py@v0.12.2). A worker busy past the inspect's 1-second reply window reads as
            // missing for one scrape: the 5 minutes ride that out. A pool that scales to zero has no
            // worker, legitimately, until it wakes: its rule waits the cold-start allowance on top.
            rules.Add(new("SupersetQueueHasNoConsumer", $"{depth} > 0 and on() (max({Metrics.CeleryActiveWorkers}{{{byQueue}}}) == 0)", NoConsumerFor(q), "critical",
                $"Tasks wait in {q.Queue} and no worker consumes it",
                $"{{{{ $value }}}} tasks in {q.Queue} and no worker consumes it (docs/sources/async-queries.md: a queue nobody listens to fails silently). Check `kubectl -n {ns} get deploy {q.Deployment}` and the worker logs.", labels));
            // A pool whose minimum is 0 cannot have fewer pods than it (`< 0` is never true): the rule
            // above covers it, as SupersetPoolAtZeroNotWaking does with engine keda.
            if (q.MinReplicas > 0)
            {
                rules.Add(new("SupersetWorkersBelowMinimum", $"max({Metrics.DeploymentAvailable}{{namespace=\"{ns}\", deployment=\"{q.Deployment}\"}}) < {q.MinReplicas}", "10m", "warning",
                    $"Pool {q.Queue} has fewer workers than its minimum",
                    $"{{{{ $value }}}} available pods of {q.Deployment}, minimum {q.MinReplicas}. `kubectl -n {ns} describe deploy {q.Deployment}`: pending pods (capacity), crash loops (config) or OOM kills (memory).", labels));
            }

            rules.Add(new("SupersetQueueWaitHigh", $"{depth} / clamp_min({started}, 0.001) > {q.WaitTargetSeconds}", "5m", "warning",
                $"Tasks of {q.Queue} wait longer than {q.WaitTargetSeconds} s",
                $"Estimated wait {{{{ $value | humanizeDuration }}}} (queue length / start rate, Little's law) against a target of {q.WaitTargetSeconds} s (superset:queues.{q.Queue}.waitTargetSeconds). Lower scaleUpThreshold or raise minReplicas.", labels));
        }

        rules.Add(new("SupersetCeleryWorkerDown", $"{Metrics.CeleryWorkerUp}{{namespace=\"{ns}\"}} == 0", "15m", "warning",
            "A Celery worker stopped sending heartbeats",
            "{{ $labels.hostname }} sent no heartbeat for 15 minutes (celery-exporter mixin). Scaled-down workers are purged after 10 minutes (--purge-offline-worker-metrics), so this one died: check its pod."));
        return new AlertGroup("superset-celery", rules);
    }

    private static AlertGroup Redis(AlertThresholds t)
    {
        var broker = Selectors.Redis(t.Namespace, "broker");
        var cache = Selectors.Redis(t.Namespace, "cache");
        return new AlertGroup("superset-redis",
        [
            new("SupersetBrokerEvicting", $"increase({Metrics.RedisEvictedKeys}{{{broker}}}[5m]) > 0", null, "critical",
                "The broker Redis evicted keys: tasks are being lost",
                "{{ $value }} keys evicted from the broker in 5 minutes. The broker must run maxmemory-policy noeviction: check `CONFIG GET maxmemory-policy`; lost keys mean lost tasks and kombu InconsistencyError."),
            new("SupersetBrokerMemoryHigh", $"{Metrics.RedisMemoryUsed}{{{broker}}} / {Metrics.RedisMemoryMax}{{{broker}}} > {N(AlertThresholds.BrokerMemoryRatio)}", "5m", "warning",
                "The broker Redis is near maxmemory",
                $"The broker uses {{{{ $value | humanizePercentage }}}} of maxmemory; at 100 % it refuses new tasks. Drain the backlog (are the pools consuming?) or raise superset:redis.broker.memoryMi."),
            new("SupersetCacheEvictionRateHigh", $"rate({Metrics.RedisEvictedKeys}{{{cache}}}[10m]) > {N(t.CacheEvictionsPerSecond)}", "15m", "warning",
                "The cache Redis evicts faster than it should",
                $"{{{{ $value }}}} evictions/s (threshold {N(t.CacheEvictionsPerSecond)}): the cache is too small for the dashboards' working set and hit rates fall. Raise superset:redis.cache.memoryMi or nodeType."),
        ]);
    }

    private static AlertGroup Database(AlertThresholds t) => new("superset-database",
    [
        new("SupersetDatabaseConnectionsHigh",
            $"sum({Metrics.PgBackends}{{namespace=\"{t.Namespace}\"}}) / max({Metrics.PgMaxConnections}{{namespace=\"{t.Namespace}\"}}) > {N(AlertThresholds.DatabaseConnectionRatio)}", "5m", "critical",
            "The metadata database is near max_connections",
            "Connections are at {{ $value | humanizePercentage }} of max_connections. The plan keeps Superset under 70 %: another client is using the database, or pools leak. `plan` shows the budget; superset:database.otherClients counts outside clients."),
    ]);

    private static AlertGroup Web(AlertThresholds t)
    {
        var ingress = Selectors.Ingress(t.Namespace);
        return new AlertGroup("superset-web",
        [
            new("SupersetWeb5xxRatioHigh",
                $"sum(rate({Metrics.IngressRequests}{{{ingress}, status=~\"5..\"}}[5m])) / sum(rate({Metrics.IngressRequests}{{{ingress}}}[5m])) > {N(AlertThresholds.Web5xxRatio)}", "5m", "critical",
                "Superset answers with errors",
                $"{{{{ $value | humanizePercentage }}}} of requests end in 5xx at the ingress. 502/503: web pods restarting or not ready (`kubectl -n {t.Namespace} get pods -l app.kubernetes.io/component=web`); 504: requests longer than gunicorn's timeout (superset:web.timeoutSeconds)."),
            new("SupersetWebLatencyHigh",
                $"histogram_quantile(0.95, sum by (le) (rate({Metrics.IngressDurationBucket}{{{ingress}}}[5m]))) > {N(t.WebP95Seconds)}", "10m", "warning",
                "Superset is slower than the tier was sized for",
                $"p95 latency {{{{ $value | humanizeDuration }}}} against the {N(t.WebP95Seconds)} s the web tier was sized for (superset:sizing.p95LatencyMs): every request holds a worker longer, so capacity is lower than planned. Check slow queries and cache hit rate."),
            new("SupersetWebMemoryNearLimit",
                $"{Selectors.WebMemoryRatio(t.Namespace)} > {N(AlertThresholds.MemoryNearLimitRatio)}", "10m", "warning",
                "A web pod is near its memory limit",
                "{{ $labels.pod }} uses {{ $value | humanizePercentage }} of its memory limit (docs/sources/memory-pressure.md: memory is the real limit). Lower gunicorn workers per pod via superset:web.processMemoryMi or raise superset:web.memoryMi."),
            new("SupersetContainerOOMKilled",
                $"increase({Metrics.ContainerRestarts}{{namespace=\"{t.Namespace}\"}}[15m]) > 0 and on(namespace, pod, container) ({Metrics.ContainerLastTerminated}{{namespace=\"{t.Namespace}\", reason=\"OOMKilled\"}} == 1)", null, "warning",
                "A Superset container was OOM-killed",
                "{{ $labels.pod }}/{{ $labels.container }} was killed for memory. Web: raise superset:web.memoryMi; workers: lower maxMemoryPerChildMi or concurrency, or raise memoryMi of the queue."),
        ]);
    }

    /// <summary>
    /// A Prometheus rule file (the <c>groups:</c> document promtool and Prometheus read). Without
    /// annotations it is what the promtool unit tests run against: they pin each rule's expression,
    /// duration and labels, while the annotation texts are checked apart.
    /// </summary>
    public static string RuleFile(IReadOnlyList<AlertGroup> groups, bool annotations = true) =>
        Yaml.Serialize(new Dictionary<string, object> { ["groups"] = groups.Select(g => Group(g, annotations)).ToList() });

    /// <summary>One group as the plain structure of a rule file or a PrometheusRule's <c>spec.groups[]</c>.</summary>
    public static Dictionary<string, object> Group(AlertGroup group, bool annotations = true)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new Dictionary<string, object>
        {
            ["name"] = group.Name,
            ["rules"] = group.Rules.Select(r => Rule(r, annotations)).ToList(),
        };
    }

    private static Dictionary<string, object> Rule(AlertRule r, bool annotations)
    {
        var labels = new Dictionary<string, object> { ["severity"] = r.Severity };
        foreach (var (k, v) in r.Labels ?? new Dictionary<string, string>())
        {
            labels[k] = v;
        }

        var rule = new Dictionary<string, object> { ["alert"] = r.Alert, ["expr"] = r.Expr };
        if (r.For is not null)
        {
            rule["for"] = r.For;
        }

        rule["labels"] = labels;
        if (annotations)
        {
            rule["annotations"] = new Dictionary<string, object> { ["summary"] = r.Summary, ["description"] = r.Description };
        }

        return rule;
    }

    private static readonly ISerializer Yaml = new SerializerBuilder().DisableAliases().WithQuotingNecessaryStrings().Build();
}
