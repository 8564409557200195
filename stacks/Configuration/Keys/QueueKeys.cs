namespace Superset.Configuration.Keys;

/// <summary><c>superset:queues</c>: one worker pool per queue, by name.</summary>
public static class QueueKeys
{
    /// <summary>Longest queue name: pool Deployments are named <c>superset-worker-&lt;queue&gt;</c>.</summary>
    public const int MaxNameLength = 30;

    /// <summary>The path of one entry.</summary>
    public const string Entry = "queues.<name>";

    /// <summary>The map of queues.</summary>
    public static readonly ConfigKey Map = new()
    {
        Path = "queues", Kind = ValueKind.Map, Pattern = Patterns.DnsLabel, MaxLength = MaxNameLength,
        Description = "A pool per queue, by name: the tier's (default, exports, reports, cache) or a new one; fields not given come from the tier or, for a new queue, from default's profile.",
        Expected = $"a queue name of lowercase letters, digits and '-', starting and ending with a letter or digit, at most {MaxNameLength} characters",
    };

    /// <summary>One queue's object.</summary>
    public static readonly ConfigKey Object = Define.Object(Entry, "One queue's pool.");

    /// <summary><c>queues.&lt;name&gt;.enabled</c>.</summary>
    public static readonly ConfigKey Enabled = new()
    {
        Path = $"{Entry}.enabled", Kind = ValueKind.Boolean, DefaultText = "true",
        Description = "false removes one of the tier's pools (not default: it receives every task without a route).",
    };

    /// <summary><c>queues.&lt;name&gt;.tasks</c>: routing by name, per stack.</summary>
    public static readonly ConfigKey Tasks = new()
    {
        Path = $"{Entry}.tasks", Kind = ValueKind.StringList, Pattern = Patterns.TaskName, MaxLength = 200, DefaultText = "none",
        Description = "Tasks this pool consumes besides its own, by Celery task name: moved from the queue the release's catalog gives them (docs/configure.md).",
        Expected = "Celery task names of the stack's Superset release, e.g. cache_dashboard_screenshot",
        QueueSetting = q => q.RoutedTasks, QueueUpdate = (q, v) => q with { RoutedTasks = (IReadOnlyList<string>)v },
    };

    /// <summary><c>queues.&lt;name&gt;.concurrency</c>.</summary>
    public static readonly ConfigKey Concurrency = Define.QueueInt("concurrency", (1, 64), "Celery -c: prefork children per pod; omitted, computed from memory.",
        q => q.Concurrency,
        (q, v) => q with { Concurrency = v }, " (Celery -c: prefork children per pod)") with { DefaultText = "computed from memory" };

    /// <summary><c>queues.&lt;name&gt;.minReplicas</c>.</summary>
    public static readonly ConfigKey MinReplicas = Define.QueueInt("minReplicas", (0, 1000),
        "Fewest pods; 0 scales the pool to zero (engine keda, and a wait target that covers a cold start).", q => q.Replicas.Min,
        (q, v) => q with { Replicas = q.Replicas with { Min = v } },
        " (0 scales the pool to zero: engine keda, and a wait target that covers a cold start)");

    /// <summary><c>queues.&lt;name&gt;.maxReplicas</c>.</summary>
    public static readonly ConfigKey MaxReplicas = Define.QueueInt("maxReplicas", (1, 1000), "Most pods (the autoscaling article: 2–3× the peak).", q => q.Replicas.Max,
        (q, v) => q with { Replicas = q.Replicas with { Max = v } });

    /// <summary><c>queues.&lt;name&gt;.scaleUpThreshold</c>.</summary>
    public static readonly ConfigKey ScaleUpThreshold = Define.QueueInt("scaleUpThreshold", (1, 10_000), "Queued tasks per pod the autoscaler keeps.",
        q => q.Autoscaler.ScaleUpThreshold,
        (q, v) => q with { Autoscaler = q.Autoscaler with { ScaleUpThreshold = v } }, " (queued tasks per pod before the autoscaler adds pods)");

    /// <summary><c>queues.&lt;name&gt;.softTimeLimitSeconds</c>.</summary>
    public static readonly ConfigKey SoftTimeLimitSeconds = Define.QueueInt("softTimeLimitSeconds", (1, 86_400), "Celery soft time limit, seconds.",
        q => q.Limits.SoftSeconds,
        (q, v) => q with { Limits = q.Limits with { SoftSeconds = v } }, " (seconds: Celery time limits are in seconds)");

    /// <summary><c>queues.&lt;name&gt;.hardTimeLimitSeconds</c>.</summary>
    public static readonly ConfigKey HardTimeLimitSeconds = Define.QueueInt("hardTimeLimitSeconds", (1, 86_400), "Celery hard time limit, seconds.",
        q => q.Limits.HardSeconds,
        (q, v) => q with { Limits = q.Limits with { HardSeconds = v } }, " (seconds: Celery time limits are in seconds)");

    /// <summary><c>queues.&lt;name&gt;.maxTasksPerChild</c>.</summary>
    public static readonly ConfigKey MaxTasksPerChild = Define.QueueInt("maxTasksPerChild", (1, 1_000_000), "Celery --max-tasks-per-child.", q => q.Recycling.MaxTasksPerChild,
        (q, v) => q with { Recycling = q.Recycling with { MaxTasksPerChild = v } });

    /// <summary><c>queues.&lt;name&gt;.maxMemoryPerChildMi</c>.</summary>
    public static readonly ConfigKey MaxMemoryPerChildMi = Define.QueueInt("maxMemoryPerChildMi", (64, 65_536),
        "Celery --max-memory-per-child, MiB: a child above it is replaced after its task.", q => q.Recycling.MaxMemoryPerChildMi,
        (q, v) => q with { Recycling = q.Recycling with { MaxMemoryPerChildMi = v } });

    /// <summary><c>queues.&lt;name&gt;.memoryMi</c>.</summary>
    public static readonly ConfigKey MemoryMi = Define.QueueInt("memoryMi", (128, 262_144), "Pod memory, request = limit, MiB.", q => q.Pod.MemoryMi,
        (q, v) => q with { Pod = q.Pod with { MemoryMi = v } });

    /// <summary><c>queues.&lt;name&gt;.cpuMillis</c>.</summary>
    public static readonly ConfigKey CpuMillis = Define.QueueInt("cpuMillis", (100, 64_000), "Pod CPU request, millicores.", q => q.Pod.CpuMillis,
        (q, v) => q with { Pod = q.Pod with { CpuMillis = v } });

    /// <summary><c>queues.&lt;name&gt;.taskMeanSeconds</c>.</summary>
    public static readonly ConfigKey TaskMeanSeconds = Define.QueueNumber("taskMeanSeconds", (0.001m, 86_400m), "Mean run time of the queue's tasks, seconds.", q => q.Tasks.MeanSeconds,
        (q, v) => q with { Tasks = q.Tasks with { MeanSeconds = v } });

    /// <summary><c>queues.&lt;name&gt;.taskP95Seconds</c>.</summary>
    public static readonly ConfigKey TaskP95Seconds = Define.QueueNumber("taskP95Seconds", (0.001m, 86_400m),
        "95th percentile run time, seconds; must stay below the soft time limit.", q => q.Tasks.P95Seconds,
        (q, v) => q with { Tasks = q.Tasks with { P95Seconds = v } });

    /// <summary><c>queues.&lt;name&gt;.waitTargetSeconds</c>.</summary>
    public static readonly ConfigKey WaitTargetSeconds = Define.QueueInt("waitTargetSeconds", (1, 86_400),
        "Longest a task should wait in the queue; the SupersetQueueWaitHigh alert's threshold.", q => q.WaitTargetSeconds,
        (q, v) => q with { WaitTargetSeconds = v },
        " (seconds a task may wait in the queue before the wait alert fires)");

    /// <summary><c>queues.&lt;name&gt;.prefetchMultiplier</c>.</summary>
    public static readonly ConfigKey PrefetchMultiplier = Define.QueueInt("prefetchMultiplier", (1, 16),
        "Celery --prefetch-multiplier: messages each child reserves ahead.", q => q.PrefetchMultiplier,
        (q, v) => q with { PrefetchMultiplier = v },
        " (Celery --prefetch-multiplier: messages each child reserves ahead)");

    /// <summary><c>queues.&lt;name&gt;.cpuTargetPercent</c>: 0, or 30 to 95.</summary>
    public static readonly ConfigKey CpuTargetPercent = Define.QueueInt("cpuTargetPercent", (0, 95),
        "The autoscaler's CPU utilization target, 30–95 (the autoscaling article: 70); 0 scales on the queue alone.", q => q.Autoscaler.CpuTargetPercent,
        (q, v) => q with { Autoscaler = q.Autoscaler with { CpuTargetPercent = v } },
        " (the autoscaler's CPU utilization target, percent of the pod's CPU request: 0 leaves CPU out; above 95 no headroom is left for the pods still starting, below 30 pods idle)") with
    {
        Refine = v => (int)v is > 0 and < 30
            ? "a whole number from 30 to 95 (0 leaves CPU out; otherwise 30–95: below 30 pods idle, above 95 no headroom is left for the pods still starting)"
            : null,
    };

    /// <summary><c>queues.&lt;name&gt;.peakTasksPerMinute</c>.</summary>
    public static readonly ConfigKey PeakTasksPerMinute = Define.QueueNumber("peakTasksPerMinute", (0.01m, 1_000_000m),
        "Tasks a minute at the busiest minutes: plan refuses a maxReplicas that cannot keep up, simulate builds its scenarios from it.", q => q.Tasks.PeakPerMinute,
        (q, v) => q with { Tasks = q.Tasks with { PeakPerMinute = v } },
        " (tasks per minute arriving at the busiest minutes)");

    /// <summary><c>queues.&lt;name&gt;.pollingIntervalSeconds</c>.</summary>
    public static readonly ConfigKey PollingIntervalSeconds = Define.QueueInt("pollingIntervalSeconds", (1, 3600),
        "KEDA pollingInterval: how often it checks the queue to wake a pool at zero.", q => q.Autoscaler.Keda.PollingIntervalSeconds,
        (q, v) => q with { Autoscaler = q.Autoscaler with { Keda = q.Autoscaler.Keda with { PollingIntervalSeconds = v } } },
        " (KEDA pollingInterval: how often it checks the queue to wake a pool at zero)") with { InertWhen = Applies.WithKeda };

    /// <summary><c>queues.&lt;name&gt;.cooldownSeconds</c>.</summary>
    public static readonly ConfigKey CooldownSeconds = Define.QueueInt("cooldownSeconds", (0, 86_400),
        "KEDA cooldownPeriod: quiet seconds before a pool at one pod goes to zero.", q => q.Autoscaler.Keda.CooldownSeconds,
        (q, v) => q with { Autoscaler = q.Autoscaler with { Keda = q.Autoscaler.Keda with { CooldownSeconds = v } } },
        " (KEDA cooldownPeriod: quiet seconds before a pool at one pod goes to zero)") with { InertWhen = Applies.WithKeda };

    /// <summary><c>queues.&lt;name&gt;.scaleDownWindowSeconds</c>.</summary>
    public static readonly ConfigKey ScaleDownWindowSeconds = Define.QueueInt("scaleDownWindowSeconds", (0, 3600),
        "The pool HPA's scale-down stabilization window, seconds.", q => q.Autoscaler.ScaleDown.WindowSeconds,
        (q, v) => q with { Autoscaler = q.Autoscaler with { ScaleDown = q.Autoscaler.ScaleDown with { WindowSeconds = v } } },
        " (the HPA's scale-down stabilization window; Kubernetes allows at most 3600)");

    /// <summary><c>queues.&lt;name&gt;.scaleUpWindowSeconds</c>.</summary>
    public static readonly ConfigKey ScaleUpWindowSeconds = Define.QueueInt("scaleUpWindowSeconds", (0, 3600),
        "The pool HPA's scale-up stabilization window, seconds: pods are added only up to the lowest recommendation of the window, so a moment's noise adds none (0: the current reading).",
        q => q.Autoscaler.ScaleUpWindowSeconds,
        (q, v) => q with { Autoscaler = q.Autoscaler with { ScaleUpWindowSeconds = v } },
        " (the HPA's scale-up stabilization window; Kubernetes allows at most 3600)");

    /// <summary><c>queues.&lt;name&gt;.scaleDownPodsPerMinute</c>.</summary>
    public static readonly ConfigKey ScaleDownPodsPerMinute = Define.QueueInt("scaleDownPodsPerMinute", (1, 1000),
        "Pods the pool's HPA removes a minute at most after the window.", q => q.Autoscaler.ScaleDown.PodsPerMinute,
        (q, v) => q with { Autoscaler = q.Autoscaler with { ScaleDown = q.Autoscaler.ScaleDown with { PodsPerMinute = v } } }, " (pods the HPA removes a minute at most)");

    // ---- Customization of the pool's pods (docs/customize.md, "Variables") ----

    /// <summary><c>queues.&lt;name&gt;.env</c>: environment variables on this pool's pods only, after superset:env.</summary>
    public static readonly ConfigKey Env = CustomizationKeys.EnvMap($"{Entry}.env", "Environment variables on this pool's pods only, after superset:env.") with
    {
        QueueSetting = q => q.Env,
        QueueUpdate = (q, v) => q with { Env = (IReadOnlyDictionary<string, string>)v },
    };

    /// <summary><c>queues.&lt;name&gt;.env.&lt;name&gt;</c>.</summary>
    public static readonly ConfigKey EnvValue = CustomizationKeys.EnvEntry($"{Entry}.env");
    // ---- placement and node pool (read by QueueReader.ReadPlacement: objects, not scalars) ----

    /// <summary><c>queues.&lt;name&gt;.scheduling</c>.</summary>
    public static readonly ConfigKey Scheduling = Define.Object($"{Entry}.scheduling", "Where this pool's pods run, over superset:scheduling.");

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> SchedulingFields = SchedulingKeys.QueueFields($"{Entry}.scheduling", q => q.Scheduling);

    /// <summary><c>queues.&lt;name&gt;.cost</c>.</summary>
    public static readonly ConfigKey Cost = Define.Object($"{Entry}.cost", "The node pool this pool's pods are priced on.");

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> CostFields = PoolCostKeys.Fields($"{Entry}.cost", null, q => q.Cost);
}
