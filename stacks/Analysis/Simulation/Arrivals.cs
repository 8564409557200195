using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>The tasks a pool receives in a scenario: when each arrives and how long it runs.</summary>
public static class Arrivals
{
    /// <summary>
    /// Minutes between beat's ticks that feed a queue, or 0 when beat feeds it nothing the scenario
    /// does not already carry. The cache warm-up runs a minute before the data cache expires, every
    /// <c>max(1, data timeout ÷ 60 − 1)</c> minutes as <c>crontab(minute="*/N")</c>
    /// (stacks/Artifacts/SupersetConfigPy.cs, beat_schedule "cache-warmup"; a test compares the two),
    /// on the queue its task is routed to; its <c>fetch_url</c> tasks follow it there
    /// (apache/superset superset/tasks/cache.py@5.0.0: cache_warmup calls fetch_url.delay per chart).
    /// </summary>
    public static int BeatMinutes(StackPlan plan, string queue)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var warmup = plan.Routes.FirstOrDefault(r => r.Task == "cache-warmup")?.Queue;
        return plan.AsyncQueries.WarmupDashboards > 0 && warmup == queue ? Math.Max(1, (plan.Caches.DataSeconds / 60) - 1) : 0;
    }

    /// <summary>
    /// Poisson arrivals at the scenario's rate (or the trace's counts), each with a service time
    /// drawn from the pool's task profile: a log-normal with its mean and p95, capped at the hard
    /// limit (Celery kills a task there). With <paramref name="beatMinutes"/> (a queue beat feeds:
    /// <see cref="BeatMinutes"/>) the same load arrives in bursts at beat's ticks, minutes 0, N, 2N…
    /// of every hour: each tick brings a Poisson count of the tasks the rate gives since the last.
    /// </summary>
    public static IReadOnlyList<TaskArrival> Of(Scenario scenario, PoolPlan pool, int seed, int beatMinutes = 0)
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

        var owed = 0.0;
        for (var t = 0; t < scenario.DurationSeconds; t++)
        {
            var rate = scenario.Rate(pool.Name, t + 0.5);
            int n;
            if (beatMinutes > 0)
            {
                owed += rate;
                if (t % 60 != 0 || t / 60 % 60 % beatMinutes != 0)
                {
                    continue;
                }

                n = Poisson(random, owed);
                owed = 0;
            }
            else
            {
                n = Poisson(random, rate);
            }

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
}
