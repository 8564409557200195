using Superset.Stacks.Sizing;

namespace Superset.Stacks.Simulation;

/// <summary>One HPA shape tried by <see cref="Frontier"/>: the pool's bounds with other targets and behavior.</summary>
/// <param name="Label">How the report names it.</param>
/// <param name="Spec">The HPA.</param>
/// <param name="Settable">
/// True when a stack can deploy it: it differs from the configured HPA only in what
/// <c>queues.&lt;name&gt;.scaleUpThreshold</c> and <c>.cpuTargetPercent</c> set (the CPU metric stays;
/// the scale-down behavior is the program's).
/// </param>
public sealed record HpaShape(string Label, HpaSpec Spec, bool Settable)
{
    /// <summary>The stack settings that deploy this shape, for a settable one.</summary>
    public string Settings(string pool) =>
        $"queues.{pool}.scaleUpThreshold: {Spec.QueueTargetPerPod:0}, queues.{pool}.cpuTargetPercent: {Spec.CpuTargetPercent}";
}

/// <summary>A shape and how it did.</summary>
public sealed record ShapeResult(HpaShape Shape, QueueResult Result);

/// <summary>Per pool: the configured HPA, the cheapest tried shapes that meet the wait target, and the oracle.</summary>
/// <param name="Pool">Pool name.</param>
/// <param name="Configured">The stack's own HPA.</param>
/// <param name="Best">Cheapest shape meeting the wait target at p95; null when none does.</param>
/// <param name="BestSettable">Cheapest settable shape meeting it (<see cref="HpaShape.Settable"/>); null when none does.</param>
/// <param name="OraclePodMinutes">The lower bound (<see cref="Simulator.OraclePodSeconds"/>).</param>
/// <param name="Tried">Shapes simulated.</param>
public sealed record FrontierResult(string Pool, QueueResult Configured, ShapeResult? Best, ShapeResult? BestSettable, double OraclePodMinutes, int Tried);

/// <summary>
/// How close any HPA of the deployed form (queue AverageValue plus optional CPU, a scale-down
/// window and step) gets to the oracle on a scenario: a grid over the queue target, the CPU target,
/// and the scale-down behavior, each shape simulated on the same arrivals as the configured HPA.
/// It answers seed 000's "Tuning for Your Workload" in seconds and shows where the gap to the oracle
/// is the autoscaler's and where it is the model's (whole pods, startup, metric lag).
/// </summary>
public static class Frontier
{
    /// <summary>
    /// Queue targets as a share of the queue a pool drains within the wait target (Little's law:
    /// a pod starts concurrency ÷ mean run time tasks a second, so waitTarget × c ÷ mean queued tasks
    /// per pod wait about the target).
    /// </summary>
    public static IReadOnlyList<double> DrainShares { get; } = [0.1, 0.25, 0.5];

    /// <summary>CPU targets tried besides the pool's own; null leaves CPU out.</summary>
    public static IReadOnlyList<int?> CpuTargets { get; } = [70, 90, null];

    /// <summary>Scale-down stabilization windows tried (seed 000's 10 minutes, Kubernetes' 5, none).</summary>
    public static IReadOnlyList<int> ScaleDownWindows { get; } = [600, 300, 0];

    /// <summary>Scale-down steps tried: the configured pods per minute, or all at once.</summary>
    public static IReadOnlyList<int> ScaleDownSteps { get; } = [AutoscalerPolicy.ScaleDownPods, 100];

    /// <summary>The grid for a pool, the configured HPA's shape first.</summary>
    public static IReadOnlyList<HpaShape> Shapes(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var configured = Simulator.Configured(pool);
        var thresholds = new List<double> { pool.ScaleUpThreshold };
        thresholds.AddRange(DrainShares.Select(f => Math.Max(1, Math.Round(f * pool.WaitTargetSeconds * pool.Concurrency / (double)pool.TaskMeanSeconds))));
        var shapes = new List<HpaShape>();
        var cpus = new List<int?> { pool.CpuTargetPercent };
        cpus.AddRange(CpuTargets);
        foreach (var threshold in thresholds.Distinct())
        {
            foreach (var cpu in cpus.Distinct())
            {
                foreach (var window in ScaleDownWindows)
                {
                    foreach (var step in ScaleDownSteps)
                    {
                        var down = new ScalingRules(window, [new(false, step, AutoscalerPolicy.PeriodSeconds)], SelectMax: false);
                        var label = $"queue {threshold:0}/pod, cpu {(cpu is int c ? $"{c} %" : "off")}, down after {window} s by {step}/min";
                        var settable = cpu is not null && window == configured.ScaleDown.StabilizationSeconds && step == AutoscalerPolicy.ScaleDownPods;
                        shapes.Add(new HpaShape(label, configured with { Name = label, QueueTargetPerPod = threshold, CpuTargetPercent = cpu, ScaleDown = down }, settable));
                    }
                }
            }
        }

        return shapes;
    }

    /// <summary>Every pool of a plan through the grid on one scenario's arrivals (the same arrivals as <see cref="Simulator.Run"/> with this seed).</summary>
    public static IReadOnlyList<FrontierResult> Run(StackPlan plan, Scenario scenario, int seed = 1, ClusterTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenario);
        timing ??= new ClusterTiming();
        var results = new List<FrontierResult>();
        for (var i = 0; i < plan.Queues.Count; i++)
        {
            var pool = plan.Queues[i];
            var arrivals = Simulator.Arrivals(scenario, pool, Simulator.ArrivalSeed(seed, i));
            // Shapes(pool)[0] is the configured HPA: its run is the configured result.
            var tried = Shapes(pool).Select(shape => new ShapeResult(shape, Simulator.Simulate(pool, arrivals, scenario.DurationSeconds, shape.Spec, timing))).ToList();
            var configured = tried[0].Result;
            var meeting = tried
                .Where(r => r.Result.MeetsTarget)
                .OrderBy(r => r.Result.PodMinutes)
                .ThenBy(r => r.Result.P95WaitSeconds)
                .ToList();
            results.Add(new FrontierResult(pool.Name, configured, meeting.FirstOrDefault(), meeting.FirstOrDefault(r => r.Shape.Settable),
                Simulator.OraclePodSeconds(pool, arrivals, scenario.DurationSeconds) / 60.0, tried.Count));
        }

        return results;
    }
}
