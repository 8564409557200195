using System.Globalization;
using System.Text;
using System.Text.Json;
using Superset.Analysis.Cost;
using Superset.Configuration.Keys;
using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>The simulation as a table, as JSON, and as a chart a person opens in a browser.</summary>
public static class SimulationReport
{
    private static string S(double v) => double.IsInfinity(v) ? "inf" : v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A Markdown table: one line per policy and pool. With <paramref name="money"/>, each line's
    /// pod-minutes in dollars and, below, each policy's total and what the configured HPAs save.
    /// </summary>
    public static string Table(SimulationResult result, PolicyMoney? money = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"Simulation `{result.Scenario}` (seed {result.Seed}): the same arrivals under each policy.");
        b.AppendLine();
        var dollars = money is null ? "" : " $ |";
        b.AppendLine($"| policy | pool | tasks | wait p50 s | wait p95 s | wait p99 s | target s | max depth | pod-minutes |{dollars} vs oracle | scale events | reversals | cut off |");
        b.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|" + (money is null ? "" : "---:|") + "---:|---:|---:|---:|");
        var oracle = result.Policies.Single(p => p.Name == "oracle").Queues.ToDictionary(q => q.Name);
        foreach (var policy in result.Policies)
        {
            foreach (var q in policy.Queues)
            {
                var waits = policy.Name == "oracle" ? "— | — | —" : $"{S(q.P50WaitSeconds)} | {S(q.P95WaitSeconds)}{(q.MeetsTarget ? "" : " ✗")} | {S(q.P99WaitSeconds)}";
                var cost = money is null ? "" : $" {money.Of(q).ToString("0.00", CultureInfo.InvariantCulture)} |";
                b.AppendLine(CultureInfo.InvariantCulture,
                    $"| {policy.Name} | {q.Name} | {q.Tasks} | {waits} | {q.WaitTargetSeconds} | {q.MaxDepth} | {S(q.PodMinutes)} |{cost} {VsOracle(q.PodMinutes, oracle[q.Name].PodMinutes)} | {q.ScaleEvents} | {q.Reversals} | {q.CutOff} |");
            }
        }

        b.AppendLine();
        b.Append(Legend(money is not null));
        if (money is not null)
        {
            b.AppendLine();
            b.Append(money.Summary(result));
        }

        return b.ToString();
    }

    /// <summary>
    /// Pod-minutes as a multiple of the oracle's; <see cref="NoRatio"/> where the oracle needs no pod
    /// (no task arrived and the pool may sleep at zero), which no multiple describes.
    /// </summary>
    public static string VsOracle(double podMinutes, double oraclePodMinutes) =>
        oraclePodMinutes > 0 ? (podMinutes / oraclePodMinutes).ToString("0.00", CultureInfo.InvariantCulture) + "x" : NoRatio;

    /// <summary>What the table prints for a ratio to an oracle of zero pod-minutes.</summary>
    public const string NoRatio = "—";

    /// <summary>
    /// How <c>configured</c> runs the pools' working hours, or nothing when none has them: KEDA's cron
    /// floor over the same window of every simulated day, the scenario's clock read as the pool's time
    /// zone, every simulated day taken as one of its days (a scenario is one day; a trace has no weekdays).
    /// </summary>
    public static string WorkingHours(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var b = new StringBuilder();
        foreach (var pool in plan.Queues.Where(q => q.Autoscaler.Prewarm is not null))
        {
            var p = pool.Autoscaler.Prewarm!;
            b.AppendLine(CultureInfo.InvariantCulture,
                $"Working hours: `configured` holds {pool.Name} at {p.Hours.Replicas} pod{(p.Hours.Replicas == 1 ? "" : "s")} or more from {WorkingHoursKeys.Clock(p.StartMinute)} to {WorkingHoursKeys.Clock(p.Hours.EndMinute)} of every simulated day (the scenario's clock read as {p.Hours.TimeZone}; each day taken as one of {p.Hours.Days}).");
        }

        return b.ToString();
    }

    /// <summary>What each column of <see cref="Table"/> means, under it.</summary>
    public static string Legend(bool money)
    {
        var b = new StringBuilder();
        b.AppendLine("Columns: tasks = tasks that arrived; wait p50/p95/p99 s = seconds from a task's arrival until a worker took it, at the 50th,");
        b.AppendLine("95th and 99th percentile (✗: the p95 misses the target; the oracle has no waits); target s = the queue's waitTargetSeconds;");
        b.AppendLine("max depth = the longest the queue got; pod-minutes = pods × minutes the pool ran" + (money ? "; $ = those pod-minutes at the stack's prices;" : ";"));
        b.AppendLine($"vs oracle = pod-minutes ÷ the oracle's, a lower bound no autoscaler can beat ({NoRatio} where the oracle needs no pod: no task arrived");
        b.AppendLine("and the pool may sleep at zero); scale events = times the replica count changed; reversals = changes of direction less than");
        b.AppendLine("10 minutes after the previous one; cut off = tasks still running when a removed pod's grace period ended, killed mid-task (must be 0).");
        b.AppendLine("steady-oracle = the cheapest clairvoyant schedule that reverses at most 2 times an hour or 12 a day: its vs oracle is the price of steadiness.");
        return b.ToString();
    }

    /// <summary>
    /// The frontier as a Markdown table: per pool, the configured HPA against the cheapest shape a
    /// stack can set and the cheapest of all that meet the wait target, as pod-minutes and as a
    /// multiple of the oracle.
    /// </summary>
    public static string FrontierTable(string scenario, IReadOnlyList<FrontierResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"Frontier on `{scenario}`: of {results.Select(r => r.Tried).DefaultIfEmpty(0).Max()} autoscaler shapes per pool, the cheapest that meets the wait target at p95, on the same arrivals: with at most {Frontier.MaxReversals} reversals (steady, with the settings that deploy it), and of any churn.");
        b.AppendLine();
        b.AppendLine("| pool | target s | oracle pod-min | configured p95 s / pod-min | steady: settings | p95 s / pod-min | any churn | p95 s / pod-min |");
        b.AppendLine("|---|---:|---:|---:|---|---:|---|---:|");
        foreach (var r in results)
        {
            string Cost(QueueResult q) => $"{S(q.P95WaitSeconds)}{(q.MeetsTarget ? "" : " ✗")} / {S(q.PodMinutes)} ({VsOracle(q.PodMinutes, r.OraclePodMinutes)})";
            var settable = r.BestSteady is { } s ? $"{s.Shape.Settings(r.Pool)} | {Cost(s.Result)}" : "none meets the target | —";
            var any = r.Best is { } a ? $"{a.Shape.Label} | {Cost(a.Result)}" : "none meets the target | —";
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Pool} | {r.Configured.WaitTargetSeconds} | {S(r.OraclePodMinutes)} | {Cost(r.Configured)} | {settable} | {any} |");
        }

        return b.ToString();
    }

    /// <summary>The frontier as JSON: per pool the oracle, the configured HPA and the best shapes (null when none meets the target).</summary>
    public static string FrontierJson(string scenario, IReadOnlyList<FrontierResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        static object Q(QueueResult q) => new { p95WaitSeconds = Math.Round(q.P95WaitSeconds, 2), podMinutes = Math.Round(q.PodMinutes, 1), meetsTarget = q.MeetsTarget, reversals = q.Reversals };
        var doc = new
        {
            scenario,
            pools = results.Select(r => new
            {
                name = r.Pool,
                waitTargetSeconds = r.Configured.WaitTargetSeconds,
                oraclePodMinutes = Math.Round(r.OraclePodMinutes, 1),
                shapesTried = r.Tried,
                configured = Q(r.Configured),
                bestSteady = r.BestSteady is { } s ? new { settings = s.Shape.Settings(r.Pool), result = Q(s.Result) } : null,
                best = r.Best is { } a ? new { shape = a.Shape.Label, result = Q(a.Result) } : null,
            }),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The JSON shape of a simulation: scenario, policies, queues with wait, depth, cost and churn.</summary>
    public static string Json(SimulationResult result, PolicyMoney? money = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var doc = new
        {
            scenario = result.Scenario,
            seed = result.Seed,
            cost = money?.Json(),
            policies = result.Policies.Select(p => new
            {
                name = p.Name,
                costUsd = money is null ? (decimal?)null : Math.Round(p.Queues.Sum(money.Of), 2),
                queues = p.Queues.Select(q => new
                {
                    name = q.Name,
                    tasks = q.Tasks,
                    p50WaitSeconds = Math.Round(q.P50WaitSeconds, 2),
                    p95WaitSeconds = Math.Round(q.P95WaitSeconds, 2),
                    p99WaitSeconds = Math.Round(q.P99WaitSeconds, 2),
                    waitTargetSeconds = q.WaitTargetSeconds,
                    maxDepth = q.MaxDepth,
                    podMinutes = Math.Round(q.PodMinutes, 1),
                    costUsd = money is null ? (decimal?)null : Math.Round(money.Of(q), 4),
                    scaleEvents = q.ScaleEvents,
                    reversals = q.Reversals,
                    cutOff = q.CutOff,
                }),
            }),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }

    /// <summary>A self-contained HTML page: per pool, arrivals, queue depth and replicas over time, the policies overlaid (SVG).</summary>
    public static string Chart(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var colors = new Dictionary<string, string> { ["configured"] = "#1f77b4", ["seed"] = "#d62728", ["static"] = "#7f7f7f" };
        var b = new StringBuilder();
        b.AppendLine("<!doctype html><html><head><meta charset=\"utf-8\"><title>Superset autoscaling simulation</title>");
        b.AppendLine("<style>body{font-family:sans-serif;margin:20px} svg{background:#fafafa;border:1px solid #ddd;margin:4px} h2{margin-bottom:0}</style></head><body>");
        b.AppendLine(CultureInfo.InvariantCulture, $"<h1>Scenario {result.Scenario}</h1><p>Per pool: arrivals per minute, queue depth and replicas, one line per policy: ");
        b.AppendLine(string.Join(", ", colors.Select(c => $"<span style=\"color:{c.Value}\">{c.Key}</span>")) + ".</p>");
        var pools = result.Policies[0].Queues.Select(q => q.Name).ToList();
        foreach (var pool in pools)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"<h2>{pool}</h2>");
            var runs = result.Policies.Where(p => colors.ContainsKey(p.Name)).Select(p => (p.Name, Series: p.Queues.Single(q => q.Name == pool).Series)).ToList();
            foreach (var (title, pick) in new (string, Func<(double Time, int Arrivals, int Depth, int Replicas), double>)[]
                     { ("arrivals / minute", s => s.Arrivals), ("queue depth", s => s.Depth), ("replicas", s => s.Replicas) })
            {
                var all = runs.SelectMany(r => r.Series).ToList();
                var maxX = all.Count == 0 ? 1 : all.Max(s => s.Time);
                var maxY = Math.Max(1, all.Count == 0 ? 1 : all.Max(pick));
                b.AppendLine(CultureInfo.InvariantCulture, $"<svg width=\"420\" height=\"180\" viewBox=\"0 0 420 180\"><text x=\"8\" y=\"14\" font-size=\"12\">{title} (max {maxY.ToString("0", CultureInfo.InvariantCulture)})</text>");
                foreach (var (name, series) in runs)
                {
                    var points = string.Join(" ", series.Select(s => string.Create(CultureInfo.InvariantCulture, $"{10 + (400 * s.Time / maxX):0.0},{170 - (145 * pick(s) / maxY):0.0}")));
                    b.AppendLine(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colors[name]}\" stroke-width=\"1.5\" points=\"{points}\"/>");
                }

                b.AppendLine("</svg>");
            }
        }

        b.AppendLine("</body></html>");
        return b.ToString();
    }
}
