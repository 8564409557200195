using Superset.Configuration;
using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>One pool's outcome under one policy.</summary>
public sealed record QueueResult
{
    /// <summary>The queue.</summary>
    public required string Name { get; init; }

    /// <summary>Median wait in the queue, seconds.</summary>
    public required double P50WaitSeconds { get; init; }

    /// <summary>95th percentile wait, seconds.</summary>
    public required double P95WaitSeconds { get; init; }

    /// <summary>99th percentile wait, seconds.</summary>
    public required double P99WaitSeconds { get; init; }

    /// <summary>The longest the queue got.</summary>
    public required int MaxDepth { get; init; }

    /// <summary>Pods × minutes the pool ran (what it costs).</summary>
    public required double PodMinutes { get; init; }

    /// <summary>Times the replica count changed.</summary>
    public required int ScaleEvents { get; init; }

    /// <summary>Direction changes less than 10 minutes after the previous change (thrash).</summary>
    public required int Reversals { get; init; }

    /// <summary>Tasks still running when a removed pod's grace period ended: killed mid-task (must be 0).</summary>
    public required int CutOff { get; init; }

    /// <summary>Tasks that arrived.</summary>
    public required int Tasks { get; init; }

    /// <summary>The queue's wait target, seconds.</summary>
    public required int WaitTargetSeconds { get; init; }

    /// <summary>Every sample: time, arrivals, queue depth, replicas.</summary>
    public required IReadOnlyList<(double Time, int Arrivals, int Depth, int Replicas)> Series { get; init; }

    /// <summary>Whether the pool met its wait target at the 95th percentile.</summary>
    public bool MeetsTarget => P95WaitSeconds <= WaitTargetSeconds;
}

/// <summary>One policy across every pool.</summary>
public sealed record PolicyResult(string Name, IReadOnlyList<QueueResult> Queues);

/// <summary>A whole simulation: every policy on the same arrivals.</summary>
public sealed record SimulationResult(string Scenario, int Seed, IReadOnlyList<PolicyResult> Policies);

/// <summary>
/// Runs every pool of a plan through a scenario under six policies on the same arrivals:
/// <c>configured</c> (the stack's autoscaling: KEDA's ScaledObjects or the HPAs, per
/// <c>autoscaling.engine</c>), <c>seed</c> (the autoscaling article's HPA, docs/sources/autoscaling.md),
/// <c>fixed-peak</c> (the fewest fixed pods that meet the wait target at the declared peak, what a
/// team would otherwise run), <c>static</c> (max replicas, no autoscaling), <c>oracle</c> (the
/// cheapest clairvoyant schedule of whole pods, <see cref="Oracle"/>) and <c>steady-oracle</c> (the
/// cheapest clairvoyant schedule within the scenario's reversal budget, <see cref="SteadyOracle"/>).
/// </summary>
public static class Simulator
{
    /// <summary>The policy names, in report order.</summary>
    public static IReadOnlyList<string> Policies { get; } = ["configured", "seed", "fixed-peak", "static", "oracle", "steady-oracle"];

    /// <summary>Simulates the given policies (all by default); deterministic for a given seed.</summary>
    public static SimulationResult Run(StackPlan plan, Scenario scenario, int seed = 1, ClusterTiming? timing = null, IReadOnlyList<string>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenario);
        timing ??= new ClusterTiming();
        policies ??= Policies;
        var perPolicy = policies.ToDictionary(p => p, _ => new List<QueueResult>());
        for (var i = 0; i < plan.Queues.Count; i++)
        {
            var pool = plan.Queues[i];
            var arrivals = DayArrivals(plan, i, scenario, seed);
            // The oracle runs once a pool: the steady oracle starts from its choice.
            (QueueResult Result, OracleChoice Choice)? oracle = null;
            (QueueResult Result, OracleChoice Choice) Oracle()
            {
                oracle ??= (Simulation.Oracle.Chosen(pool, arrivals, scenario.DurationSeconds, timing, out var choice), choice);
                return oracle.Value;
            }

            foreach (var policy in policies)
            {
                perPolicy[policy].Add(policy switch
                {
                    "oracle" => Oracle().Result,
                    "steady-oracle" => SteadyOracle.Result(pool, arrivals, scenario.DurationSeconds, Oracle().Choice, SteadyOracle.Budget(scenario.DurationSeconds), timing),
                    _ => Simulate(policy, plan, i, arrivals, scenario.DurationSeconds, seed, timing),
                });
            }
        }

        return new SimulationResult(scenario.Name, seed, policies.Select(p => new PolicyResult(p, perPolicy[p])).ToList());
    }

    private static QueueResult Simulate(string policy, StackPlan plan, int index, IReadOnlyList<TaskArrival> arrivals, int duration, int seed, ClusterTiming timing)
    {
        var pool = plan.Queues[index];
        var engine = plan.Autoscaling.Engine;
        return policy switch
        {
            "configured" => Simulate(pool, arrivals, duration, Configured(pool, engine), timing, ConfiguredKeda(pool, engine)),
            "seed" => Simulate(pool, arrivals, duration, SeedPolicy, timing),
            "fixed-peak" => Fixed(pool, arrivals, duration, FixedPeak.Replicas(plan, index, seed, timing), timing),
            "static" => Fixed(pool, arrivals, duration, pool.Replicas.Max, timing),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, $"one of {string.Join(", ", Policies)}"),
        };
    }

    /// <summary>One pool at a fixed number of pods.</summary>
    public static QueueResult Fixed(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int duration, int replicas, ClusterTiming timing) =>
        Result(pool, arrivals, PoolSimulator.Run(arrivals, duration, Workers(pool), replicas, null, timing));

    /// <summary>One pool under one HPA (and the KEDA around it, if any), starting at its minimum.</summary>
    public static QueueResult Simulate(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int duration, HpaSpec hpa, ClusterTiming timing, KedaSpec? keda = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(hpa);
        return Result(pool, arrivals, PoolSimulator.Run(arrivals, duration, Workers(pool), keda?.MinReplicaCount ?? hpa.MinReplicas, new HpaController(hpa), timing, keda));
    }

    /// <summary>A pool's pods as the simulator runs them.</summary>
    public static WorkerPods Workers(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new(pool.Concurrency, pool.Shutdown.TerminationGracePeriodSeconds, pool.PrefetchMultiplier);
    }

    /// <summary>Pool <paramref name="index"/>'s arrivals on one day of a scenario: its own random stream (<see cref="ArrivalSeed"/>) and beat's ticks, the same under every policy.</summary>
    public static IReadOnlyList<TaskArrival> DayArrivals(StackPlan plan, int index, Scenario scenario, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pool = plan.Queues[index];
        return Arrivals.Of(scenario, pool, ArrivalSeed(seed, index), Arrivals.BeatMinutes(plan, pool.Name));
    }

    /// <summary>The random seed of pool <paramref name="index"/>'s arrivals: each pool its own stream, the same under every policy.</summary>
    public static int ArrivalSeed(int seed, int index) => (seed * 7919) + index;

    /// <summary>
    /// The stack's own HPA for a pool (components' Autoscaling.cs and KEDA's ScaledObject: the same
    /// numbers): with KEDA the HPA it creates, whose minimum is at least one. A CPU target is left out
    /// (no CPU model: <see cref="HpaSpec"/>).
    /// </summary>
    public static HpaSpec Configured(PoolPlan pool, AutoscalingEngine engine = AutoscalingEngine.Hpa)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new HpaSpec("configured", engine == AutoscalingEngine.Keda ? Math.Max(pool.Replicas.Min, 1) : pool.Replicas.Min, pool.Replicas.Max,
            pool.Autoscaler.ScaleUpThreshold, pool.Autoscaler.Behavior);
    }

    /// <summary>The KEDA around the configured HPA (engine <c>keda</c>), else null: its timing, its busy signal and its working-hours floor.</summary>
    public static KedaSpec? ConfiguredKeda(PoolPlan pool, AutoscalingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return engine == AutoscalingEngine.Keda
            ? new KedaSpec(pool.Replicas.Min, pool.Autoscaler.Keda.PollingIntervalSeconds, pool.Autoscaler.Keda.CooldownSeconds, pool.FallbackReplicas)
            {
                RunningTasks = pool.Autoscaler.Busy is not null,
                Prewarm = pool.Autoscaler.Prewarm is { } p ? new PrewarmWindow(p.StartMinute * 60, p.Hours.EndMinute * 60, p.Hours.Replicas) : null,
            }
            : null;
    }

    /// <summary>
    /// The autoscaling article's HPA as it writes it ("CPU Pressure"): a queue-depth target of 30 per
    /// pod, 3 to 50 pods, no behavior (Kubernetes' default), on the exporter's queue length through
    /// Prometheus and an adapter. Its CPU target of 70 % is left out: the simulator has no CPU model,
    /// and leaving a metric out can only make this comparator cheaper.
    /// </summary>
    public static readonly HpaSpec SeedPolicy = new("seed", 3, 50, 30, ScalingBehavior.KubernetesDefault);

    /// <summary>
    /// Whether a run meets the pool's wait target at the 95th percentile, as <see cref="Result"/>'s
    /// <see cref="QueueResult.MeetsTarget"/> says, without sorting: the wait of rank r is within the
    /// target exactly when more than r waits are.
    /// </summary>
    public static bool MeetsTarget(PoolRun run, int waitTargetSeconds)
    {
        ArgumentNullException.ThrowIfNull(run);
        var n = run.Waits.Count;
        if (n == 0)
        {
            return 0 <= waitTargetSeconds;
        }

        var within = 0;
        foreach (var wait in run.Waits)
        {
            within += wait <= waitTargetSeconds ? 1 : 0;
        }

        return within > Rank(0.95, n);
    }

    /// <summary>The index of the <paramref name="q"/> quantile among <paramref name="n"/> sorted values.</summary>
    private static int Rank(double q, int n) => Math.Min(n - 1, (int)Math.Ceiling(q * n) - 1);

    /// <summary>One pool's outcome from its run.</summary>
    public static QueueResult Result(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, PoolRun run)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(run);
        var sorted = run.Waits.ToArray();
        Array.Sort(sorted);
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Rank(q, sorted.Length)];
        return new QueueResult
        {
            Name = pool.Name, P50WaitSeconds = P(0.5), P95WaitSeconds = P(0.95), P99WaitSeconds = P(0.99), MaxDepth = run.MaxDepth, PodMinutes = run.PodMinutes,
            ScaleEvents = run.ScaleEvents, Reversals = run.Reversals, CutOff = run.CutOff, Tasks = arrivals.Count, WaitTargetSeconds = pool.WaitTargetSeconds, Series = run.Series,
        };
    }
}
