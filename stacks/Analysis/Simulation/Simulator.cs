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
/// Runs every pool of a plan through a scenario under four policies on the same arrivals:
/// <c>configured</c> (the stack's autoscaling: KEDA's ScaledObjects or the HPAs, per
/// <c>autoscaling.engine</c>), <c>seed</c> (the autoscaling article's HPA, docs/sources/autoscaling.md), <c>static</c> (max replicas,
/// no autoscaling) and <c>oracle</c> (a lower bound on pod-minutes).
/// </summary>
public static class Simulator
{
    /// <summary>The policy names, in report order.</summary>
    public static IReadOnlyList<string> Policies { get; } = ["configured", "seed", "static", "oracle"];

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
            var arrivals = Arrivals(scenario, pool, ArrivalSeed(seed, i));
            foreach (var policy in policies)
            {
                perPolicy[policy].Add(Simulate(policy, pool, arrivals, scenario.DurationSeconds, timing, plan.Autoscaling.Engine));
            }
        }

        return new SimulationResult(scenario.Name, seed, policies.Select(p => new PolicyResult(p, perPolicy[p])).ToList());
    }

    private static QueueResult Simulate(string policy, PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int duration, ClusterTiming timing, AutoscalingEngine engine)
    {
        if (policy == "oracle")
        {
            return Oracle.Result(pool, arrivals, duration);
        }

        return policy switch
        {
            "configured" => Simulate(pool, arrivals, duration, Configured(pool, engine), timing, ConfiguredKeda(pool, engine)),
            "seed" => Simulate(pool, arrivals, duration, SeedPolicy, timing),
            "static" => Result(pool, arrivals, PoolSimulator.Run(arrivals, duration, Workers(pool), pool.Replicas.Max, null, timing)),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, $"one of {string.Join(", ", Policies)}"),
        };
    }

    /// <summary>One pool under one HPA (and the KEDA around it, if any), starting at its minimum.</summary>
    public static QueueResult Simulate(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, int duration, HpaSpec hpa, ClusterTiming timing, KedaSpec? keda = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(hpa);
        return Result(pool, arrivals, PoolSimulator.Run(arrivals, duration, Workers(pool), keda?.MinReplicaCount ?? hpa.MinReplicas, new HpaController(hpa), timing, keda));
    }

    /// <summary>A pool's pods as the simulator runs them.</summary>
    public static WorkerPods Workers(PoolPlan pool) => new(pool.Concurrency, pool.Shutdown.TerminationGracePeriodSeconds, CpuPerBusySlot(pool));

    /// <summary>One running task's CPU as a share of the pod's CPU request (the task profile's <c>cpuMillisPerTask</c> ÷ <c>cpuMillis</c>).</summary>
    public static double CpuPerBusySlot(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.Tasks.CpuMillisPerTask / (double)pool.Pod.CpuMillis;
    }

    /// <summary>The random seed of pool <paramref name="index"/>'s arrivals: each pool its own stream, the same under every policy.</summary>
    public static int ArrivalSeed(int seed, int index) => (seed * 7919) + index;

    /// <summary>
    /// The stack's own HPA for a pool (components' Autoscaling.cs and KedaScaling.cs: the same
    /// numbers): with KEDA the HPA it creates, whose minimum is at least one.
    /// </summary>
    public static HpaSpec Configured(PoolPlan pool, AutoscalingEngine engine = AutoscalingEngine.Hpa)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new HpaSpec("configured", engine == AutoscalingEngine.Keda ? Math.Max(pool.Replicas.Min, 1) : pool.Replicas.Min, pool.Replicas.Max,
            pool.Autoscaler.ScaleUpThreshold, pool.Autoscaler.CpuMetric ? pool.Autoscaler.CpuTargetPercent : null, pool.Autoscaler.Behavior);
    }

    /// <summary>The KEDA around the configured HPA (engine <c>keda</c>), else null.</summary>
    public static KedaSpec? ConfiguredKeda(PoolPlan pool, AutoscalingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return engine == AutoscalingEngine.Keda
            ? new KedaSpec(pool.Replicas.Min, pool.Autoscaler.Keda.PollingIntervalSeconds, pool.Autoscaler.Keda.CooldownSeconds, pool.FallbackReplicas)
            : null;
    }

    /// <summary>The autoscaling article's HPA: queue depth 30 per pod, CPU 70 %, 3 to 50 pods, Kubernetes' default behavior.</summary>
    public static readonly HpaSpec SeedPolicy = new("seed", 3, 50, 30, 70, ScalingBehavior.KubernetesDefault);

    /// <summary>
    /// Poisson arrivals at the scenario's rate (or the trace's counts), each with a service time
    /// drawn from the pool's task profile: a log-normal with its mean and p95, capped at the hard
    /// limit (Celery kills a task there).
    /// </summary>
    public static IReadOnlyList<TaskArrival> Arrivals(Scenario scenario, PoolPlan pool, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(pool);
        var random = new Random(seed);
        var (mu, sigma) = LogNormal((double)pool.Tasks.MeanSeconds, (double)pool.Tasks.P95Seconds);
        double Service()
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Min(Math.Exp(mu + (sigma * z)), pool.Limits.HardSeconds);
        }

        var list = new List<TaskArrival>();
        if (scenario.Trace is { } trace)
        {
            foreach (var (time, count) in trace.GetValueOrDefault(pool.Name) ?? [])
            {
                for (var k = 0; k < count; k++)
                {
                    list.Add(new TaskArrival(time + ((k + 0.5) / count), Service()));
                }
            }

            return list.OrderBy(a => a.Time).ToList();
        }

        for (var t = 0; t < scenario.DurationSeconds; t++)
        {
            var n = Poisson(random, scenario.Rate(pool.Name, t + 0.5));
            var times = new double[n];
            for (var k = 0; k < n; k++)
            {
                times[k] = t + random.NextDouble();
            }

            Array.Sort(times);
            foreach (var time in times)
            {
                list.Add(new TaskArrival(time, Service()));
            }
        }

        return list;
    }

    /// <summary>Log-normal parameters from a mean and a 95th percentile (σ clamped where p95/mean exceeds what a log-normal can give).</summary>
    public static (double Mu, double Sigma) LogNormal(double mean, double p95)
    {
        const double z95 = 1.6448536;
        var gap = Math.Log(p95) - Math.Log(mean);
        var discriminant = (z95 * z95) - (2 * gap);
        var sigma = discriminant > 0 ? z95 - Math.Sqrt(discriminant) : z95;
        return (Math.Log(mean) - (sigma * sigma / 2), sigma);
    }

    private static int Poisson(Random random, double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda > 30)
        {
            // Normal approximation for large rates (Knuth's method underflows).
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * z)));
        }

        var l = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > l);
        return k - 1;
    }

    private static QueueResult Result(PoolPlan pool, IReadOnlyList<TaskArrival> arrivals, PoolRun run)
    {
        var sorted = run.Waits.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new QueueResult
        {
            Name = pool.Name, P50WaitSeconds = P(0.5), P95WaitSeconds = P(0.95), P99WaitSeconds = P(0.99), MaxDepth = run.MaxDepth, PodMinutes = run.PodMinutes,
            ScaleEvents = run.ScaleEvents, Reversals = run.Reversals, CutOff = run.CutOff, Tasks = arrivals.Count, WaitTargetSeconds = pool.WaitTargetSeconds, Series = run.Series,
        };
    }
}
