using System.Globalization;
using Superset.Configuration;
using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>One autoscaler shape tried by <see cref="Frontier"/>: the pool's bounds with other targets, behavior and KEDA timing.</summary>
/// <param name="Label">How the report names it.</param>
/// <param name="Spec">The HPA (with KEDA: the one KEDA creates).</param>
/// <param name="Keda">The KEDA around it (engine <c>keda</c>), else null.</param>
public sealed record HpaShape(string Label, HpaSpec Spec, KedaSpec? Keda)
{
    /// <summary>The stack settings that deploy this shape (every dimension of the grid is a per-queue setting).</summary>
    public string Settings(string pool)
    {
        var s = string.Create(CultureInfo.InvariantCulture,
            $"queues.{pool}.scaleUpThreshold: {Spec.QueueTargetPerPod:0}, .scaleUpWindowSeconds: {Spec.Behavior.Up.StabilizationSeconds}, .scaleDownWindowSeconds: {Spec.Behavior.Down.StabilizationSeconds}, .scaleDownPodsPerMinute: {Spec.Behavior.Down.Policies[0].Value}");
        return Keda is { } k
            ? s + string.Create(CultureInfo.InvariantCulture, $", .minReplicas: {k.MinReplicaCount}, .pollingIntervalSeconds: {k.PollingIntervalSeconds}, .cooldownSeconds: {k.CooldownSeconds}")
            : s;
    }
}

/// <summary>A shape and how it did.</summary>
public sealed record ShapeResult(HpaShape Shape, QueueResult Result);

/// <summary>Per pool: the configured autoscaler, the cheapest tried shapes that meet the wait target, and the oracle.</summary>
/// <param name="Pool">Pool name.</param>
/// <param name="Configured">The stack's own autoscaler.</param>
/// <param name="Best">Cheapest shape meeting the wait target at p95, however often it reverses; null when none does.</param>
/// <param name="BestSteady">Cheapest shape meeting the wait target with at most <see cref="Frontier.MaxReversals"/> reversals; null when none does.</param>
/// <param name="OraclePodMinutes">The oracle's pod-minutes (<see cref="Oracle"/>).</param>
/// <param name="Tried">Shapes simulated.</param>
public sealed record FrontierResult(string Pool, QueueResult Configured, ShapeResult? Best, ShapeResult? BestSteady, double OraclePodMinutes, int Tried);

/// <summary>
/// How close any autoscaler of the deployed form gets to the oracle on a scenario: a grid over the
/// queue target, the CPU target, the scale-down window and step and, with KEDA, scale to zero with
/// its polling interval and cooldown, each shape simulated on the same arrivals as the configured
/// one. It answers the autoscaling article's "Tuning for Your Workload" (docs/sources/autoscaling.md) in seconds and shows where the gap to the
/// oracle is the autoscaler's and where it is the model's (whole pods, startup, metric lag).
/// </summary>
public static class Frontier
{
    /// <summary>Direction reversals (within 10 minutes of the previous change) a shape may make and still count as steady.</summary>
    public const int MaxReversals = 2;

    /// <summary>
    /// Queue targets as a share of the queue a pool drains within the wait target (Little's law:
    /// a pod starts concurrency ÷ mean run time tasks a second, so waitTarget × c ÷ mean queued tasks
    /// per pod wait about the target).
    /// </summary>
    public static IReadOnlyList<double> DrainShares { get; } = [0.1, 0.25, 0.5, 0.75, 1.0];

    /// <summary>Targets of the busy signal as a share of a pod's children: tasks waiting or running per pod.</summary>
    public static IReadOnlyList<double> BusyShares { get; } = [0.5, 0.75, 1.0, 1.5, 2.0];

    /// <summary>Scale-down stabilization windows tried besides the pool's own (the article's 10 minutes, Kubernetes' 5, none).</summary>
    public static IReadOnlyList<int> ScaleDownWindows { get; } = [600, 300, 120, 60, 0];

    /// <summary>Scale-down steps tried besides the pool's own: the top of the article's ±2–5 per step, as pods a minute, or all at once.</summary>
    public static IReadOnlyList<int> ScaleDownSteps { get; } = [AutoscalerPolicy.ScaleDownPods, 100];

    /// <summary>KEDA polling intervals tried for a pool at zero besides the pool's own (KEDA's default 30 s, and 15 s).</summary>
    public static IReadOnlyList<int> PollingIntervals { get; } = [30, 15, 60];

    /// <summary>KEDA cooldowns tried for a pool at zero besides the pool's own (KEDA's default 300 s, and 60 s).</summary>
    public static IReadOnlyList<int> Cooldowns { get; } = [300, 60, 120, 600];

    /// <summary>Queue targets of the pool for each of <see cref="DrainShares"/> (at least one task a pod).</summary>
    public static IEnumerable<double> QueueTargets(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return DrainShares.Select(f => Math.Max(1, Math.Round(f * pool.WaitTargetSeconds * pool.Concurrency / (double)pool.Tasks.MeanSeconds)));
    }

    /// <summary>Busy-signal targets of the pool for the given shares of its children (at least one task a pod).</summary>
    public static IEnumerable<double> BusyTargets(PoolPlan pool, IEnumerable<double> shares)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return shares.Select(f => Math.Max(1, Math.Round(f * pool.Concurrency)));
    }

    /// <summary>The grid for a pool under an engine, the configured shape first.</summary>
    public static IReadOnlyList<HpaShape> Shapes(PoolPlan pool, AutoscalingEngine engine = AutoscalingEngine.Hpa)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var configured = Simulator.Configured(pool, engine);
        var configuredKeda = Simulator.ConfiguredKeda(pool, engine);
        var thresholds = new List<double> { pool.Autoscaler.ScaleUpThreshold };
        thresholds.AddRange(QueueTargets(pool));
        var busy = configuredKeda is not null ? BusyTargets(pool, BusyShares).ToList() : [];
        var windows = new List<int> { pool.Autoscaler.ScaleDown.WindowSeconds };
        windows.AddRange(ScaleDownWindows);
        var steps = new List<int> { pool.Autoscaler.ScaleDown.PodsPerMinute };
        steps.AddRange(ScaleDownSteps);
        var kedas = new List<KedaSpec?> { configuredKeda };
        if (configuredKeda is not null)
        {
            foreach (var polling in PollingIntervals.Prepend(pool.Autoscaler.Keda.PollingIntervalSeconds).Distinct())
            {
                // Scale to zero only where the planner accepts it: the wait target covers a cold start.
                if (pool.WaitTargetSeconds < AutoscalerPolicy.PodStartSeconds + polling)
                {
                    continue;
                }

                foreach (var cooldown in Cooldowns.Prepend(pool.Autoscaler.Keda.CooldownSeconds).Distinct())
                {
                    kedas.Add(configuredKeda with { MinReplicaCount = 0, PollingIntervalSeconds = polling, CooldownSeconds = cooldown });
                }
            }

            if (pool.Replicas.Min == 0)
            {
                kedas.Add(configuredKeda with { MinReplicaCount = 1 });
            }

            // The busy signal on and off (on needs monitoring: the frontier shows what it is worth).
            kedas.AddRange(kedas.ToList().Select(k => k! with { RunningTasks = !k.RunningTasks }));
        }

        var shapes = new List<HpaShape>();
        foreach (var keda in kedas.Distinct())
        {
            foreach (var threshold in (keda?.RunningTasks == true ? busy.Prepend(pool.Autoscaler.ScaleUpThreshold) : thresholds).Distinct())
            {
                foreach (var window in windows.Distinct())
                {
                    foreach (var step in steps.Distinct())
                    {
                        shapes.Add(Shape(configured, keda, threshold, window, step, pool.Autoscaler.ScaleUpWindowSeconds));
                    }
                }
            }
        }

        return shapes;
    }

    /// <summary>One shape: the configured HPA with another target, scale-down and KEDA (null: the HPA alone).</summary>
    public static HpaShape Shape(HpaSpec configured, KedaSpec? keda, double threshold, int window, int step, int upWindow = AutoscalerPolicy.ScaleUpStabilizationSeconds)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var behavior = ScalingBehavior.Careful(window, step, upWindow);
        var label = string.Create(CultureInfo.InvariantCulture,
            $"{(keda?.RunningTasks == true ? "waiting + running" : "queue")} {threshold:0}/pod, {(upWindow == 0 ? "" : $"up on the lowest of {upWindow} s, ")}down after {window} s by {step}/min");
        if (keda is not null)
        {
            label += keda.MinReplicaCount == 0
                ? string.Create(CultureInfo.InvariantCulture, $", to zero (poll {keda.PollingIntervalSeconds} s, cooldown {keda.CooldownSeconds} s)")
                : string.Create(CultureInfo.InvariantCulture, $", min {keda.MinReplicaCount}");
        }

        var spec = configured with
        {
            Name = label, QueueTargetPerPod = threshold, Behavior = behavior,
            MinReplicas = keda?.HpaMinReplicas ?? configured.MinReplicas,
        };
        return new HpaShape(label, spec, keda);
    }

    /// <summary>Every pool of a plan through the grid on one scenario's arrivals (the same arrivals as <see cref="Simulator.Run"/> with this seed).</summary>
    public static IReadOnlyList<FrontierResult> Run(StackPlan plan, Scenario scenario, int seed = 1, ClusterTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenario);
        timing ??= new ClusterTiming();
        var engine = plan.Autoscaling.Engine;
        var results = new List<FrontierResult>();
        for (var i = 0; i < plan.Queues.Count; i++)
        {
            var pool = plan.Queues[i];
            var arrivals = Simulator.DayArrivals(plan, i, scenario, seed);
            // Shapes(pool)[0] is the configured autoscaler: its run is the configured result.
            var tried = Shapes(pool, engine).Select(shape => new ShapeResult(shape, Simulator.Simulate(pool, arrivals, scenario.DurationSeconds, shape.Spec, timing, shape.Keda))).ToList();
            var configured = tried[0].Result;
            var meeting = tried
                .Where(r => r.Result.MeetsTarget)
                .OrderBy(r => r.Result.PodMinutes)
                .ThenBy(r => r.Result.P95WaitSeconds)
                .ToList();
            results.Add(new FrontierResult(pool.Name, configured, meeting.FirstOrDefault(), meeting.FirstOrDefault(r => r.Result.Reversals <= MaxReversals),
                Oracle.Result(pool, arrivals, scenario.DurationSeconds, timing).PodMinutes, tried.Count));
        }

        return results;
    }
}
