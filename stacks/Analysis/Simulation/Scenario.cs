using System.Globalization;
using Superset.Analysis.Commands;
using Superset.Configuration;
using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>Task arrivals over time, per queue: a rate function or a recorded trace.</summary>
public sealed class Scenario
{
    private readonly Func<string, double, double> rate;

    private Scenario(string name, int durationSeconds, Func<string, double, double> rate, IReadOnlyDictionary<string, IReadOnlyList<(double Time, int Count)>>? trace = null)
    {
        Name = name;
        DurationSeconds = durationSeconds;
        this.rate = rate;
        Trace = trace;
    }

    /// <summary>Scenario name in reports.</summary>
    public string Name { get; }

    /// <summary>Simulated time.</summary>
    public int DurationSeconds { get; }

    /// <summary>Recorded arrivals (time, count) per queue, when the scenario is a trace.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(double Time, int Count)>>? Trace { get; }

    /// <summary>Arrival rate (tasks per second) of a queue at a time.</summary>
    public double Rate(string queue, double t) => rate(queue, t);

    /// <summary>The built-in scenarios.</summary>
    public static IReadOnlyList<string> Names { get; } = ["steady", "spike", "business-day", "refresh-storm"];

    /// <summary>
    /// A pool's baseline: a tenth of its peak (<c>queues.&lt;name&gt;.peakTasksPerMinute</c>), so that
    /// the autoscaling article's tenfold spike within minutes tops out at the peak the stack declares.
    /// The load comes from the demand settings, never from the replica counts being judged: lowering
    /// maxReplicas does not lighten the test.
    /// </summary>
    public static double BaselineRate(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return (double)pool.Tasks.PeakPerMinute / 60.0 / SpikeFactor;
    }

    /// <summary>The autoscaling article's tenfold spike within minutes (docs/sources/autoscaling.md).</summary>
    public const double SpikeFactor = 10;

    /// <summary>A built-in scenario for a plan.</summary>
    public static Scenario Named(string name, StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var baseline = plan.Queues.ToDictionary(q => q.Name, BaselineRate);
        double B(string q) => baseline.GetValueOrDefault(q);
        return name switch
        {
            "steady" => new Scenario(name, 3600, (q, _) => B(q)),
            // The autoscaling article's tenfold spike within minutes. Baseline for 10 minutes, a 2-minute ramp to
            // ten times (the peak), 15 minutes there, then back.
            "spike" => new Scenario(name, 3600, (q, t) => B(q) * Spike(t)),
            // A working day: the baseline at night, a morning climb, half the peak at 13:00 (an
            // ordinary day, not the board meeting), an evening decline (24 hours).
            "business-day" => new Scenario(name, 86_400, (q, t) => B(q) * BusinessDay(t)),
            // docs/sources/async-queries.md, "Cache Stampede During Dashboard Refresh": the cache expires and every open
            // dashboard re-queries at once: a whole peak minute of default's tasks within 30 s.
            "refresh-storm" => new Scenario(name, 3600, (q, t) => B(q) + (q == QueueNames.Default && t is >= 1200 and < 1230
                ? SpikeFactor * B(q) * 60.0 / 30.0
                : 0)),
            _ => throw new UsageException("--scenario", name, $"no such scenario: one of {string.Join(", ", Names)}, or --trace <file.csv>"),
        };
    }

    private static double Spike(double t) => t switch
    {
        < 600 => 1,
        < 720 => 1 + ((SpikeFactor - 1) * (t - 600) / 120),
        < 1620 => SpikeFactor,
        _ => 1,
    };

    private static double BusinessDay(double t)
    {
        var hour = t / 3600 % 24;
        var day = hour is > 7 and < 19 ? Math.Sin(Math.PI * (hour - 7) / 12) : 0;
        return 1 + (((SpikeFactor / 2) - 1) * day);
    }

    /// <summary>The latest second a trace may name: a week (the simulator steps through every second).</summary>
    public const int MaxTraceSeconds = 7 * 86_400;

    /// <summary>The most arrivals one trace line may hold (the simulator keeps every task).</summary>
    public const int MaxArrivalsPerLine = 1_000_000;

    /// <summary>
    /// A trace: CSV lines <c>seconds,queue,arrivals</c> (a first line that does not start with a
    /// number is a header). Arrivals of one line spread evenly over the second. With
    /// <paramref name="pools"/>, a queue that is none of them is refused (its arrivals would be
    /// dropped without a word). Every problem throws <see cref="UsageException"/> naming the line.
    /// </summary>
    public static Scenario FromCsv(string path, string text, IReadOnlyCollection<string>? pools = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var byQueue = new Dictionary<string, List<(double, int)>>(StringComparer.Ordinal);
        var max = 0.0;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            var parts = line.Split(',');
            if (line.Length == 0 || (lineNo == 1 && !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                continue;
            }

            var (t, queue, n) = Row(path, lineNo, line, parts);
            if (pools is not null && !pools.Contains(queue))
            {
                throw new UsageException("--trace", $"{path} line {lineNo}", $"queue {queue} is not a pool of the stack (its pools: {string.Join(", ", pools)})");
            }

            if (!byQueue.TryGetValue(queue, out var list))
            {
                byQueue[queue] = list = [];
            }

            list.Add((t, n));
            max = Math.Max(max, t);
        }

        if (byQueue.Count == 0)
        {
            throw new UsageException("--trace", path, "no arrivals in it: expected lines seconds,queue,arrivals");
        }

        var trace = byQueue.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<(double, int)>)kv.Value.OrderBy(x => x.Item1).ToList(), StringComparer.Ordinal);
        return new Scenario(Path.GetFileName(path), (int)Math.Ceiling(max) + 1800, (_, _) => 0, trace);
    }

    private static (double Seconds, string Queue, int Arrivals) Row(string path, int lineNo, string line, string[] parts)
    {
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || !(t is >= 0 and <= MaxTraceSeconds)
            || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n is < 0 or > MaxArrivalsPerLine
            || parts[1].Trim().Length == 0)
        {
            throw new UsageException("--trace", $"{path} line {lineNo}",
                $"`{line}` is not seconds,queue,arrivals with seconds 0 to {MaxTraceSeconds} and arrivals 0 to {MaxArrivalsPerLine}");
        }

        return (t, parts[1].Trim(), n);
    }
}
