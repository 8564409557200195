namespace Superset.Configuration.Reading;

/// <summary>
/// Reads <c>superset:queues</c>: a mapping from queue name to the fields that differ from the tier.
/// A name the tier already has overrides that queue's fields; a new name adds a queue that starts
/// from the tier's <c>default</c> queue profile; <c>enabled: false</c> removes a tier queue.
/// </summary>
internal static class QueueReader
{
    /// <summary>Celery's default queue: tasks without a route land here, so it cannot be removed.</summary>
    public const string DefaultQueue = QueueNames.Default;

    /// <summary>Longest queue name: pool Deployments are named <c>superset-worker-&lt;queue&gt;</c>.</summary>
    public const int MaxNameLength = 30;

    public static IReadOnlyList<QueueSettings> Read(ObjectReader queues, IReadOnlyList<QueueSettings> tierQueues, List<SettingsError> errors)
    {
        var result = tierQueues.ToList();
        var template = tierQueues.Single(q => q.Name == DefaultQueue);

        foreach (var name in queues.FieldNames.ToList())
        {
            var r = queues.Child(name);
            if (!SettingsLoader.IsDnsLabel(name, MaxNameLength))
            {
                errors.Add(new SettingsError(queues.KeyOf(name), name,
                    $"a queue name of lowercase letters, digits and '-', starting and ending with a letter or digit, at most {MaxNameLength} characters"));
                continue;
            }

            var index = result.FindIndex(q => q.Name == name);
            var baseline = index >= 0 ? result[index] : template with { Name = name };
            var enabled = r.Bool("enabled", true);
            var queue = ReadQueue(r, baseline);
            r.RejectUnknown();

            if (!enabled)
            {
                if (name == DefaultQueue)
                {
                    errors.Add(new SettingsError(r.KeyOf("enabled"), "false",
                        "true: the default queue receives every task without a route and must have a pool"));
                }
                else if (index >= 0)
                {
                    result.RemoveAt(index);
                }

                continue;
            }

            if (index >= 0)
            {
                result[index] = queue;
            }
            else
            {
                result.Add(queue);
            }
        }

        return result;
    }

    private static QueueSettings ReadQueue(ObjectReader r, QueueSettings d) => new(
        d.Name,
        r.NullableInt("concurrency", 1, 64, " (Celery -c: prefork children per pod)") ?? d.Concurrency,
        r.Int("minReplicas", d.MinReplicas, 0, 1000, " (0 scales the pool to zero: engine keda, and a wait target that covers a cold start)"),
        r.Int("maxReplicas", d.MaxReplicas, 1, 1000),
        r.Int("scaleUpThreshold", d.ScaleUpThreshold, 1, 10_000, " (queued tasks per pod before the autoscaler adds pods)"),
        r.Int("softTimeLimitSeconds", d.SoftTimeLimitSeconds, 1, 86_400, " (seconds: Celery time limits are in seconds)"),
        r.Int("hardTimeLimitSeconds", d.HardTimeLimitSeconds, 1, 86_400, " (seconds: Celery time limits are in seconds)"),
        r.Int("maxTasksPerChild", d.MaxTasksPerChild, 1, 1_000_000),
        r.Int("maxMemoryPerChildMi", d.MaxMemoryPerChildMi, 64, 65_536),
        r.Int("memoryMi", d.MemoryMi, 128, 262_144),
        r.Int("cpuMillis", d.CpuMillis, 100, 64_000),
        r.Decimal("taskMeanSeconds", d.TaskMeanSeconds, 0.001m, 86_400m, maxExclusive: false),
        r.Decimal("taskP95Seconds", d.TaskP95Seconds, 0.001m, 86_400m, maxExclusive: false),
        r.Int("waitTargetSeconds", d.WaitTargetSeconds, 1, 86_400, " (seconds a task may wait in the queue before the wait alert fires)"),
        r.Int("prefetchMultiplier", d.PrefetchMultiplier, 1, 16, " (Celery --prefetch-multiplier: messages each child reserves ahead)"),
        CpuTarget(r, d.CpuTargetPercent),
        r.Decimal("peakTasksPerMinute", d.PeakTasksPerMinute, 0.01m, 1_000_000m, maxExclusive: false, " (tasks per minute arriving at the busiest minutes)"),
        r.Int("cpuMillisPerTask", d.CpuMillisPerTask, 1, 64_000, " (millicores one running task keeps busy: the simulator's CPU model)"),
        r.Int("pollingIntervalSeconds", d.PollingIntervalSeconds, 1, 3600, " (KEDA pollingInterval: how often it checks the queue to wake a pool at zero)"),
        r.Int("cooldownSeconds", d.CooldownSeconds, 0, 86_400, " (KEDA cooldownPeriod: quiet seconds before a pool at one pod goes to zero)"),
        r.Int("scaleDownWindowSeconds", d.ScaleDownWindowSeconds, 0, 3600, " (the HPA's scale-down stabilization window; Kubernetes allows at most 3600)"),
        r.Int("scaleDownPodsPerMinute", d.ScaleDownPodsPerMinute, 1, 1000, " (pods the HPA removes a minute at most)"));

    /// <summary>0 (no CPU metric: the queue alone) or 30–95.</summary>
    private static int CpuTarget(ObjectReader r, int fallback)
    {
        var value = r.Int("cpuTargetPercent", fallback, 0, 95,
            " (the autoscaler's CPU utilization target, percent of the pod's CPU request: 0 leaves CPU out; above 95 no headroom is left for the pods still starting, below 30 pods idle)");
        if (value is > 0 and < 30)
        {
            return r.Int("cpuTargetPercent", fallback, 30, 95,
                " (0 leaves CPU out; otherwise 30–95: below 30 pods idle, above 95 no headroom is left for the pods still starting)");
        }

        return value;
    }
}
