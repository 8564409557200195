using System.Globalization;
using Superset.Catalog.Metrics;
using Superset.Planning;

namespace Superset.Artifacts.Keda;

/// <summary>
/// The KEDA objects of a worker pool (engine <c>keda</c>), as plain structures: one ScaledObject per
/// pool whose Redis triggers read the queue's lists on the broker, authenticated by one
/// TriggerAuthentication. Every field name is KEDA's at the pinned chart's version (v2.20.2, cited
/// beside each); tests/manifests validates the rendered objects against @kubernetes-models/keda.
/// </summary>
public static class KedaScaledObject
{
    /// <summary>KEDA's API group and version.</summary>
    public const string ApiVersion = "keda.sh/v1alpha1";

    /// <summary>
    /// Lets a ScaledObject take over an HPA that already scales its Deployment, when the HPA is named
    /// in advanced.horizontalPodAutoscalerConfig.name (kedacore/keda apis/keda/v1alpha1/scaledobject_webhook.go@v2.20.2,
    /// verifyHpas; the constant in apis/keda/v1alpha1/scaledobject_types.go@v2.20.2): how a running
    /// stack moves from engine hpa to keda in one update (docs/autoscaling.md, "Migrating a running stack from hpa to keda").
    /// </summary>
    public const string TransferHpaOwnership = "scaledobject.keda.sh/transfer-hpa-ownership";

    /// <summary>
    /// kombu's Redis transport keeps one list per priority step: PRIORITY_STEPS = [0, 3, 6, 9] and
    /// sep = '\x06\x16'; a message of priority p goes to the list of the step at or below p, named
    /// <c>queue</c> for step 0 and <c>queue\x06\x16{step}</c> otherwise (celery/kombu
    /// kombu/transport/redis.py@v5.5.3, <c>_q_for_pri</c> and <c>priority</c>; kombu 5.5.3 is what
    /// Superset 5.0's requirements/base.txt pins with celery 5.5.2). Our superset_config.py sets no
    /// <c>priority_steps</c> or <c>global_keyprefix</c> (SupersetConfigPy: broker_transport_options
    /// holds only the visibility timeout), so these are the names; any producer may set a priority,
    /// so the metric counts every list.
    /// </summary>
    public static IReadOnlyList<int> PrioritySteps { get; } = [0, 3, 6, 9];

    /// <summary>kombu's separator between a queue and its priority step (Channel.sep, kombu/transport/redis.py@v5.5.3).</summary>
    public const string PrioritySeparator = "\x06\x16";

    /// <summary>The Redis list kombu keeps a queue's messages of one priority step in.</summary>
    public static string ListName(string queue, int step) => step == 0 ? queue : $"{queue}{PrioritySeparator}{step.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The trigger reading one priority step's list (a name scalingModifiers' formula can refer to).</summary>
    public static string TriggerName(int step) => $"priority{step.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The queue's depth: the sum of its lists. Several triggers alone are combined by the HPA as the
    /// largest; scalingModifiers' formula replaces them by one composite External metric with
    /// AverageValue target <c>scalingModifiers.target</c> (controllers/keda/hpa.go@v2.20.2,
    /// getScaledObjectMetricSpecs: resource metrics such as CPU stay beside it).
    /// </summary>
    public static string Formula => string.Join(" + ", PrioritySteps.Select(TriggerName));

    /// <summary>The trigger reading the tasks the pool's workers run (the busy signal).</summary>
    public const string RunningTrigger = "running";

    /// <summary>The cron trigger raising the floor in working hours.</summary>
    public const string PrewarmTrigger = "prewarm";

    /// <summary>
    /// A pool's composite metric: the waiting tasks (every list), plus the running ones where the pool
    /// has the busy signal; with working hours, at least the cron trigger's replicas × the target, so
    /// the HPA keeps that floor (the formula language's ternary, which KEDA's own test of scaling
    /// modifiers uses: kedacore/keda tests/internals/scaling_modifiers/scaling_modifiers_test.go@v2.20.2).
    /// </summary>
    public static string FormulaOf(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var load = pool.Autoscaler.Busy is null ? Formula : $"{Formula} + {RunningTrigger}";
        if (pool.Autoscaler.Prewarm is null)
        {
            return load;
        }

        var floor = $"{PrewarmTrigger} * {pool.Autoscaler.ScaleUpThreshold.ToString(CultureInfo.InvariantCulture)}";
        return $"({load}) > {floor} ? ({load}) : {floor}";
    }

    /// <summary>
    /// The tasks a pool's workers run, as celery-exporter exports them: <c>celery_worker_tasks_active</c>
    /// per worker, set from each worker's heartbeat (its <c>active</c> count) and labelled with the
    /// part of the node name after '@', the pod's name (danihodovic/celery-exporter
    /// src/exporter.py@v0.12.2, track_worker_heartbeat and get_hostname), summed over the pool's pods:
    /// its Deployment's pods are named <c>superset-worker-&lt;queue&gt;-&lt;replicaset hash&gt;-&lt;suffix&gt;</c>,
    /// which the fully anchored regular expression matches and no other queue's pods do. Celery counts
    /// in <c>active</c> the tasks a child runs, not the ones it reserved (celery/celery
    /// celery/worker/heartbeat.py@v5.5.2: <c>active=len(active_requests)</c>).
    /// </summary>
    public static string RunningQuery(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var ns = pool.Autoscaler.Busy?.Namespace ?? "";
        return $"sum({Metrics.CeleryWorkerTasksActive}{{namespace=\"{ns}\",hostname=~\"superset-worker-{pool.Name}-[a-z0-9]+-[a-z0-9]+\"}})";
    }

    /// <summary>Failed reads of the broker before KEDA holds the fallback replicas (pkg/fallback/fallback.go@v2.20.2: more than this many).</summary>
    public const int FallbackFailureThreshold = 3;

    /// <summary>The ScaledObject's spec without its triggers (they carry the broker's address, known after deploy on AWS).</summary>
    /// <param name="pool">The pool's plan: bounds, targets, timing.</param>
    /// <param name="deployment">The Deployment it scales, also the name of the HPA KEDA creates.</param>
    public static Dictionary<string, object> Spec(PoolPlan pool, string deployment)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new Dictionary<string, object>
        {
            ["scaleTargetRef"] = new Dictionary<string, object> { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = deployment },
            ["pollingInterval"] = pool.Autoscaler.Keda.PollingIntervalSeconds,
            ["cooldownPeriod"] = pool.Autoscaler.Keda.CooldownSeconds,
            ["minReplicaCount"] = pool.Replicas.Min,
            ["maxReplicaCount"] = pool.Replicas.Max,
            // While the broker cannot be read, hold what the peak needs (the formula's fallback is
            // target × replicas of the composite metric, pkg/fallback/fallback.go@v2.20.2, doFallback;
            // a target must parse as a whole number for the fallback to count as valid, HasValidFallback).
            ["fallback"] = new Dictionary<string, object> { ["failureThreshold"] = FallbackFailureThreshold, ["replicas"] = pool.FallbackReplicas },
            ["advanced"] = new Dictionary<string, object>
            {
                ["horizontalPodAutoscalerConfig"] = new Dictionary<string, object>
                {
                    // The name the hand-made HPA had (engine hpa): dashboards and alerts read it, and
                    // the transfer annotation adopts it when a running stack switches engines.
                    ["name"] = deployment,
                    ["behavior"] = Behavior(pool.Autoscaler.Behavior),
                },
                ["scalingModifiers"] = new Dictionary<string, object>
                {
                    ["formula"] = FormulaOf(pool),
                    ["target"] = pool.Autoscaler.ScaleUpThreshold.ToString(CultureInfo.InvariantCulture),
                    // Active (wake a pool at zero) as soon as one task waits.
                    ["activationTarget"] = "0",
                    ["metricType"] = "AverageValue",
                },
            },
        };
    }

    /// <summary>
    /// The triggers: one Redis trigger per priority list (pkg/scalers/redis_scaler.go@v2.20.2: metadata
    /// <c>address</c>, <c>listName</c>, <c>listLength</c>, <c>activationListLength</c>,
    /// <c>databaseIndex</c>, <c>enableTLS</c>; the password from the TriggerAuthentication's
    /// <c>password</c> parameter), and CPU when the pool reads it (pkg/scalers/cpu_memory_scaler.go@v2.20.2:
    /// <c>metricType</c> and metadata <c>value</c>).
    /// </summary>
    /// <param name="pool">The pool.</param>
    /// <param name="address">The broker's host:port.</param>
    /// <param name="tls">TLS to the broker (ElastiCache in-transit encryption).</param>
    /// <param name="authentication">The TriggerAuthentication's name.</param>
    /// <param name="database">The broker's database (redis.broker.db with dataServices external, else 0).</param>
    public static List<object> Triggers(PoolPlan pool, string address, bool tls, string authentication, int database = 0)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var triggers = PrioritySteps.Select(step => (object)new Dictionary<string, object>
        {
            ["type"] = "redis",
            ["name"] = TriggerName(step),
            ["metadata"] = new Dictionary<string, object>
            {
                ["address"] = address,
                ["listName"] = ListName(pool.Name, step),
                ["listLength"] = pool.Autoscaler.ScaleUpThreshold.ToString(CultureInfo.InvariantCulture),
                ["activationListLength"] = "0",
                // BROKER_URL's database (SupersetConfigPy: _redis_url("broker", plan.Broker.Db)).
                ["databaseIndex"] = database.ToString(CultureInfo.InvariantCulture),
                ["enableTLS"] = tls ? "true" : "false",
            },
            ["authenticationRef"] = new Dictionary<string, object> { ["name"] = authentication },
        }).ToList();
        if (pool.Autoscaler.Busy is { } busy)
        {
            // kedacore/keda pkg/scalers/prometheus_scaler.go@v2.20.2, prometheusMetadata: serverAddress,
            // query, threshold, activationThreshold and ignoreNullValues (default true: a pool at zero
            // has no series, read as 0) from triggerMetadata.
            triggers.Add(new Dictionary<string, object>
            {
                ["type"] = "prometheus",
                ["name"] = RunningTrigger,
                ["metadata"] = new Dictionary<string, object>
                {
                    ["serverAddress"] = busy.PrometheusAddress,
                    ["query"] = RunningQuery(pool),
                    ["threshold"] = pool.Autoscaler.ScaleUpThreshold.ToString(CultureInfo.InvariantCulture),
                    ["activationThreshold"] = "0",
                    ["ignoreNullValues"] = "true",
                },
            });
        }

        if (pool.Autoscaler.Prewarm is { } prewarm)
        {
            triggers.Add(Cron(prewarm));
        }

        if (pool.Autoscaler.CpuMetric)
        {
            triggers.Add(new Dictionary<string, object>
            {
                ["type"] = "cpu",
                ["metricType"] = "Utilization",
                ["metadata"] = new Dictionary<string, object> { ["value"] = pool.Autoscaler.CpuTargetPercent.ToString(CultureInfo.InvariantCulture) },
            });
        }

        return triggers;
    }

    /// <summary>
    /// The cron trigger (kedacore/keda pkg/scalers/cron_scaler.go@v2.20.2, cronMetadata: timezone, start,
    /// end, desiredReplicas; start and end are five-field cron expressions, minute hour day month
    /// weekday, parsed by robfig/cron): desiredReplicas from <see cref="Prewarm.StartMinute"/> (the
    /// working hours less the lead) to the working hours' end.
    /// </summary>
    public static Dictionary<string, object> Cron(Prewarm prewarm)
    {
        ArgumentNullException.ThrowIfNull(prewarm);
        static string At(int minute, string days) => string.Create(CultureInfo.InvariantCulture, $"{minute % 60} {minute / 60} * * {days}");
        return new Dictionary<string, object>
        {
            ["type"] = "cron",
            ["name"] = PrewarmTrigger,
            ["metadata"] = new Dictionary<string, object>
            {
                ["timezone"] = prewarm.Hours.TimeZone,
                ["start"] = At(prewarm.StartMinute, prewarm.Hours.Days),
                ["end"] = At(prewarm.Hours.EndMinute, prewarm.Hours.Days),
                ["desiredReplicas"] = prewarm.Hours.Replicas.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>The TriggerAuthentication's spec: the broker password from the credentials Secret.</summary>
    public static Dictionary<string, object> AuthenticationSpec(string secret, string key) => new()
    {
        ["secretTargetRef"] = new List<object>
        {
            new Dictionary<string, object> { ["parameter"] = "password", ["name"] = secret, ["key"] = key },
        },
    };

    /// <summary>An autoscaler's behavior in autoscaling/v2 field names: the value the HPA component and the simulator render too.</summary>
    public static Dictionary<string, object> Behavior(ScalingBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        static Dictionary<string, object> Rules(ScalingRules rules) => new()
        {
            ["stabilizationWindowSeconds"] = rules.StabilizationSeconds,
            ["selectPolicy"] = rules.SelectMax ? "Max" : "Min",
            ["policies"] = rules.Policies.Select(p => (object)new Dictionary<string, object>
            {
                ["type"] = p.Percent ? "Percent" : "Pods", ["value"] = p.Value, ["periodSeconds"] = p.PeriodSeconds,
            }).ToList(),
        };
        return new Dictionary<string, object> { ["scaleUp"] = Rules(behavior.Up), ["scaleDown"] = Rules(behavior.Down) };
    }
}
