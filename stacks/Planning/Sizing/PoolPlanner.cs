using Superset.Configuration;

namespace Superset.Planning.Sizing;

/// <summary>Plans one queue's worker pool, and the visibility timeout every pool's longest task needs.</summary>
public static class PoolPlanner
{
    /// <summary>
    /// Concurrency per pod from memory: the parent plus <c>c</c> children each allowed to grow to
    /// maxMemoryPerChild before Celery recycles it must fit in the pod's limit, or the kernel's OOM
    /// killer ends a task that Celery would have recycled cleanly.
    /// </summary>
    public static PoolPlan Plan(QueueSettings q, AutoscalingEngine engine, MonitoringSettings monitoring, string ns, List<SettingsError> errors)
    {
        string Key(string field) => $"superset:queues.{q.Name}.{field}";
        var fit = (q.Pod.MemoryMi - Planner.WorkerParentMemoryMi - Planner.WorkerProbeMemoryMi) / q.Recycling.MaxMemoryPerChildMi;
        int concurrency;
        if (q.Concurrency is int configured)
        {
            concurrency = configured;
            if (configured > fit)
            {
                errors.Add(new SettingsError(Key("concurrency"), configured.ToString(),
                    $"at most {Math.Max(fit, 0)}: {configured} children × maxMemoryPerChildMi {q.Recycling.MaxMemoryPerChildMi} + parent {Planner.WorkerParentMemoryMi} Mi + probe {Planner.WorkerProbeMemoryMi} Mi = {configured * q.Recycling.MaxMemoryPerChildMi + Planner.WorkerParentMemoryMi + Planner.WorkerProbeMemoryMi} Mi exceeds memoryMi {q.Pod.MemoryMi}; lower it or raise queues.{q.Name}.memoryMi"));
            }
        }
        else
        {
            concurrency = Math.Max(fit, 1);
            if (fit < 1)
            {
                errors.Add(new SettingsError(Key("memoryMi"), q.Pod.MemoryMi.ToString(),
                    $"at least {Planner.WorkerParentMemoryMi + Planner.WorkerProbeMemoryMi + q.Recycling.MaxMemoryPerChildMi} (parent {Planner.WorkerParentMemoryMi} Mi + probe {Planner.WorkerProbeMemoryMi} Mi + one child of maxMemoryPerChildMi {q.Recycling.MaxMemoryPerChildMi} Mi)"));
            }
        }

        CheckBounds(q, engine, errors);
        if (q.Limits.SoftSeconds >= q.Limits.HardSeconds)
        {
            errors.Add(new SettingsError(Key("softTimeLimitSeconds"), q.Limits.SoftSeconds.ToString(),
                $"less than hardTimeLimitSeconds ({q.Limits.HardSeconds}), so the task gets SoftTimeLimitExceeded and can clean up before it is killed"));
        }

        if (q.Tasks.P95Seconds >= q.Limits.SoftSeconds)
        {
            errors.Add(new SettingsError(Key("softTimeLimitSeconds"), q.Limits.SoftSeconds.ToString(),
                $"more than the task profile's p95 ({q.Tasks.P95Seconds} s, queues.{q.Name}.taskP95Seconds): otherwise more than 5 % of tasks are cut off"));
        }

        if (q.Tasks.MeanSeconds > q.Tasks.P95Seconds)
        {
            errors.Add(new SettingsError(Key("taskMeanSeconds"), q.Tasks.MeanSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at most taskP95Seconds ({q.Tasks.P95Seconds})"));
        }

        var pool = new PoolPlan
        {
            Name = q.Name,
            Concurrency = concurrency,
            ConcurrencySource = q.Concurrency is null ? "memory" : "config",
            Autoscaler = AutoscalerOf(q, engine, monitoring, ns),
            Limits = q.Limits,
            Recycling = q.Recycling,
            Pod = q.Pod,
            Shutdown = new Shutdown(Planner.WorkerPreStopSeconds, Planner.WorkerPreStopSeconds + q.Limits.HardSeconds + Planner.WorkerExitMarginSeconds),
            Tasks = q.Tasks,
            WaitTargetSeconds = q.WaitTargetSeconds,
            PrefetchMultiplier = q.PrefetchMultiplier,
        };

        // A maximum below the peak cannot work (docs/sources/autoscaling.md): at full scale the queue still grows without
        // end (utilization ≥ 1). The wait target beyond that is judged by the spike simulation (plan's warning).
        var peakBusy = pool.PeakBusyChildren;
        if (concurrency > 0 && peakBusy >= (decimal)q.Replicas.Max * concurrency)
        {
            var least = (int)decimal.Floor(peakBusy / concurrency) + 1;
            errors.Add(new SettingsError(Key("maxReplicas"), q.Replicas.Max.ToString(),
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"at least {least}: the peak of {q.Tasks.PeakPerMinute} tasks/min (queues.{q.Name}.peakTasksPerMinute) × taskMeanSeconds {q.Tasks.MeanSeconds} s keeps {peakBusy:0.#} children busy, and {q.Replicas.Max} pods × {concurrency} children cannot keep up, so the queue grows without end; the autoscaling article sets the maximum at 2–3× the peak ({decimal.Ceiling(2 * peakBusy / concurrency)}–{decimal.Ceiling(3 * peakBusy / concurrency)})")));
        }

        return pool;
    }

    /// <summary>The pool's autoscaler: the queue's shape, the busy signal and the working-hours floor (engine keda).</summary>
    private static PoolAutoscaler AutoscalerOf(QueueSettings q, AutoscalingEngine engine, MonitoringSettings monitoring, string ns) =>
        new(q.Replicas, q.Autoscaler.ScaleUpThreshold, q.Autoscaler.CpuTargetPercent, q.Autoscaler.ScaleDown, q.Autoscaler.Keda)
        {
            ScaleUpWindowSeconds = q.Autoscaler.ScaleUpWindowSeconds,
            Busy = BusySignalOf(engine, monitoring, ns),
            Prewarm = engine == AutoscalingEngine.Keda && q.Autoscaler.WorkingHours is { } hours ? new Prewarm(hours, AutoscalerPolicy.PrewarmLeadMinutes) : null,
        };

    /// <summary>
    /// The busy signal with engine keda and monitoring on: the tasks running on the pool, from
    /// celery-exporter through the Prometheus the Prometheus Operator runs in the monitoring
    /// namespace, reached through the Service the operator creates for every Prometheus,
    /// <c>prometheus-operated</c> on port 9090 (prometheus-operator/prometheus-operator
    /// pkg/prometheus/server/operator.go@v0.77.1, governingServiceName, and its web port 9090).
    /// Without monitoring, the queue alone.
    /// </summary>
    public static BusySignal? BusySignalOf(AutoscalingEngine engine, MonitoringSettings monitoring, string ns)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        return engine == AutoscalingEngine.Keda && monitoring.Enabled ? new BusySignal($"http://prometheus-operated.{monitoring.Namespace}.svc:9090", ns) : null;
    }

    /// <summary>The pool's bounds: zero only where a cold start fits, the minimum at most the maximum, the working hours' floor between them.</summary>
    private static void CheckBounds(QueueSettings q, AutoscalingEngine engine, List<SettingsError> errors)
    {
        if (q.Replicas.Min == 0)
        {
            ScaleToZero(q, engine, errors);
        }

        if (q.Replicas.Min > q.Replicas.Max)
        {
            errors.Add(new SettingsError($"superset:queues.{q.Name}.minReplicas", q.Replicas.Min.ToString(), $"at most maxReplicas ({q.Replicas.Max})"));
        }

        if (engine == AutoscalingEngine.Keda && q.Autoscaler.WorkingHours is { } hours)
        {
            CheckWorkingHours(q, hours, errors);
        }
    }

    /// <summary>
    /// The working hours' floor lies strictly between the pool's bounds (at its minReplicas it would
    /// change nothing; above its maxReplicas the HPA KEDA creates clamps it), and the floor's lead
    /// (<see cref="AutoscalerPolicy.PrewarmLeadMinutes"/> before start) stays on the same day, where
    /// the cron expressions' day-of-week field puts it.
    /// </summary>
    private static void CheckWorkingHours(QueueSettings q, WorkingHours hours, List<SettingsError> errors)
    {
        var key = $"superset:queues.{q.Name}.workingHours";
        if (hours.Replicas <= q.Replicas.Min || hours.Replicas > q.Replicas.Max)
        {
            errors.Add(new SettingsError($"{key}.minReplicas", hours.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
                q.Replicas.Min >= q.Replicas.Max
                    ? $"no value fits: the pool runs {q.Replicas.Min}–{q.Replicas.Max} pods (queues.{q.Name}.minReplicas and maxReplicas); raise maxReplicas above minReplicas or remove workingHours"
                    : $"from {q.Replicas.Min + 1} to {q.Replicas.Max}: above the pool's minReplicas ({q.Replicas.Min}, where the floor would change nothing) and at most its maxReplicas ({q.Replicas.Max}, queues.{q.Name}.maxReplicas)"));
        }

        if (hours.StartMinute < AutoscalerPolicy.PrewarmLeadMinutes)
        {
            errors.Add(new SettingsError($"{key}.start", Configuration.Keys.WorkingHoursKeys.Clock(hours.StartMinute),
                $"{Configuration.Keys.WorkingHoursKeys.Clock(AutoscalerPolicy.PrewarmLeadMinutes)} or later: the floor rises {AutoscalerPolicy.PrewarmLeadMinutes} minutes before start, which must stay on the same day as the hours"));
        }
    }

    /// <summary>
    /// A pool at zero starts serving a task only after KEDA notices it (up to one polling interval)
    /// and a pod starts (<see cref="AutoscalerPolicy.PodStartSeconds"/>): the wait target must cover
    /// both. The HPA cannot go below one replica (minReplicas ≥ 1 in autoscaling/v2 unless the
    /// HPAScaleToZero alpha gate is on), so zero needs KEDA, which scales 1 ↔ 0 itself.
    /// </summary>
    private static void ScaleToZero(QueueSettings q, AutoscalingEngine engine, List<SettingsError> errors)
    {
        var key = $"superset:queues.{q.Name}.minReplicas";
        if (engine != AutoscalingEngine.Keda)
        {
            errors.Add(new SettingsError(key, "0",
                "at least 1 with autoscaling.engine hpa (an HPA never scales below one pod); set autoscaling.engine: keda to scale to zero"));
            return;
        }

        var coldStart = AutoscalerPolicy.PodStartSeconds + q.Autoscaler.Keda.PollingIntervalSeconds;
        if (q.WaitTargetSeconds < coldStart)
        {
            errors.Add(new SettingsError(key, "0",
                $"at least 1: a cold start takes up to {coldStart} s (KEDA's polling interval {q.Autoscaler.Keda.PollingIntervalSeconds} s, queues.{q.Name}.pollingIntervalSeconds, + a pod's start {AutoscalerPolicy.PodStartSeconds} s), above the wait target of {q.WaitTargetSeconds} s (queues.{q.Name}.waitTargetSeconds); or raise the wait target to {coldStart} or shorten the polling interval"));
        }
    }

    /// <summary>
    /// With task_acks_late a task's message stays unacknowledged in Redis from the moment a worker
    /// reserves it until the task finishes; if the visibility timeout passes first, Redis hands it to
    /// another worker and it runs twice (Celery docs, "Redis: visibility timeout"). A reserved message
    /// can wait behind up to `prefetch` tasks of its child before it runs, each up to the hard limit, so
    /// the timeout is (prefetch + 1) × hard limit + the preStop budget, over every pool; with prefetch 1
    /// that is twice the longest hard limit. A crashed worker's tasks come back after this timeout
    /// (tests/drills measures it). A task sent with an ETA (reports.execute, up to
    /// <see cref="EtaSeconds"/> ahead) is held unacknowledged until it is due, then runs up to the
    /// hard limit: the timeout covers that too.
    /// </summary>
    public static int VisibilityTimeout(IReadOnlyList<PoolPlan> pools) =>
        pools.Select(p => Math.Max((p.PrefetchMultiplier + 1) * p.Limits.HardSeconds, EtaSeconds + p.Limits.HardSeconds))
            .DefaultIfEmpty(0).Max() + Planner.WorkerPreStopSeconds;

    /// <summary>
    /// The longest ETA Superset gives a task: reports.scheduler sends reports.execute due within
    /// ALERT_REPORTS_CRON_WINDOW_SIZE (apache/superset superset/config.py@5.0.0: 59 s;
    /// superset/tasks/scheduler.py@5.0.0 cron_schedule_window).
    /// </summary>
    public const int EtaSeconds = Catalog.SupersetReleases.CronWindowSeconds;
}
