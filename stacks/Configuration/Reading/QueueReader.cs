using Superset.Configuration.Keys;

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

    public static IReadOnlyList<QueueSettings> Read(ObjectReader queues, IReadOnlyList<QueueSettings> tierQueues, List<SettingsError> errors)
    {
        var result = tierQueues.ToList();
        var template = tierQueues.Single(q => q.Name == DefaultQueue);

        foreach (var name in queues.FieldNames.ToList())
        {
            var r = queues.Entry(name);
            if (!QueueKeys.Map.Accepts(name))
            {
                errors.Add(new SettingsError($"{StackFile.Namespace}:queues.{name}", name, QueueKeys.Map.Expected!));
                continue;
            }

            var index = result.FindIndex(q => q.Name == name);
            var baseline = index >= 0 ? result[index] : template with { Name = name };
            var enabled = r.Bool(QueueKeys.Enabled, true);
            var queue = ReadQueue(r, baseline);
            r.RejectUnknown();

            if (!enabled)
            {
                if (name == DefaultQueue)
                {
                    errors.Add(new SettingsError(r.KeyOf(QueueKeys.Enabled), "false",
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

    private static QueueSettings ReadQueue(ObjectReader r, QueueSettings d) => d with
    {
        Concurrency = r.NullableInt(QueueKeys.Concurrency) ?? d.Concurrency,
        Replicas = new ReplicaBounds(Min: r.Int(QueueKeys.MinReplicas, d.Replicas.Min), Max: r.Int(QueueKeys.MaxReplicas, d.Replicas.Max)),
        Pod = new PodResources(CpuMillis: r.Int(QueueKeys.CpuMillis, d.Pod.CpuMillis), MemoryMi: r.Int(QueueKeys.MemoryMi, d.Pod.MemoryMi)),
        Limits = new TimeLimits(
            SoftSeconds: r.Int(QueueKeys.SoftTimeLimitSeconds, d.Limits.SoftSeconds),
            HardSeconds: r.Int(QueueKeys.HardTimeLimitSeconds, d.Limits.HardSeconds)),
        Recycling = new ChildRecycling(
            MaxTasksPerChild: r.Int(QueueKeys.MaxTasksPerChild, d.Recycling.MaxTasksPerChild),
            MaxMemoryPerChildMi: r.Int(QueueKeys.MaxMemoryPerChildMi, d.Recycling.MaxMemoryPerChildMi)),
        Tasks = new TaskProfile(
            MeanSeconds: r.Decimal(QueueKeys.TaskMeanSeconds, d.Tasks.MeanSeconds),
            P95Seconds: r.Decimal(QueueKeys.TaskP95Seconds, d.Tasks.P95Seconds),
            PeakPerMinute: r.Decimal(QueueKeys.PeakTasksPerMinute, d.Tasks.PeakPerMinute),
            CpuMillisPerTask: r.Int(QueueKeys.CpuMillisPerTask, d.Tasks.CpuMillisPerTask)),
        WaitTargetSeconds = r.Int(QueueKeys.WaitTargetSeconds, d.WaitTargetSeconds),
        PrefetchMultiplier = r.Int(QueueKeys.PrefetchMultiplier, d.PrefetchMultiplier),
        Autoscaler = new AutoscalerShape(
            ScaleUpThreshold: r.Int(QueueKeys.ScaleUpThreshold, d.Autoscaler.ScaleUpThreshold),
            CpuTargetPercent: CpuTarget(r, d.Autoscaler.CpuTargetPercent),
            ScaleDown: new ScaleDown(
                WindowSeconds: r.Int(QueueKeys.ScaleDownWindowSeconds, d.Autoscaler.ScaleDown.WindowSeconds),
                PodsPerMinute: r.Int(QueueKeys.ScaleDownPodsPerMinute, d.Autoscaler.ScaleDown.PodsPerMinute)),
            Keda: new KedaTiming(
                PollingIntervalSeconds: r.Int(QueueKeys.PollingIntervalSeconds, d.Autoscaler.Keda.PollingIntervalSeconds),
                CooldownSeconds: r.Int(QueueKeys.CooldownSeconds, d.Autoscaler.Keda.CooldownSeconds))),
    };

    /// <summary>0 (no CPU metric: the queue alone) or 30–95.</summary>
    private static int CpuTarget(ObjectReader r, int fallback)
    {
        var value = r.Int(QueueKeys.CpuTargetPercent, fallback);
        if (value is > 0 and < 30)
        {
            r.Fail(QueueKeys.CpuTargetPercent,
                "a whole number from 30 to 95 (0 leaves CPU out; otherwise 30–95: below 30 pods idle, above 95 no headroom is left for the pods still starting)");
            return fallback;
        }

        return value;
    }
}
