using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Superset.Planning;

namespace Superset.Artifacts;

/// <summary>
/// The plan as a reviewer reads it (a table) and as machines read it (JSON, the same shape the
/// Pulumi program exports as the <c>plan</c> stack output), plus a flat key → value view that
/// <c>plan --diff</c> compares.
/// </summary>
public static class PlanReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The plan as indented JSON.</summary>
    public static string Json(StackPlan plan) => JsonSerializer.Serialize(plan, Options);

    /// <summary>Every computed size as <c>path = value</c>, in a stable order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(StackPlan plan)
    {
        var result = new List<KeyValuePair<string, string>>();
        var root = JsonSerializer.SerializeToElement(plan, Options);
        Walk(root, "", result);
        return result;
    }

    /// <summary>The table that <c>plan</c> prints.</summary>
    public static string Table(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var w = plan.Web;
        var s = plan.Sizing;
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"tier {plan.Tier}, namespace {plan.Namespace}, data services {plan.DataServices}");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture,
            $"web: {s.PeakConcurrentUsers} users × {s.P95LatencyMs / 1000m} s × (1 − {s.CacheHitRate}) × {s.SafetyMargin} = {w.RequiredWorkers} requests in flight (seed 002)");
        b.AppendLine(CultureInfo.InvariantCulture,
            $"  {w.Replicas} pods × {w.GunicornWorkers} gunicorn workers × {w.Threads} threads = {w.Replicas * w.SlotsPerPod} slots; HPA {w.MinReplicas}–{w.MaxReplicas} at {w.CpuTargetPercent} % CPU");
        b.AppendLine(CultureInfo.InvariantCulture,
            $"  pod {w.CpuMillis}m CPU, {w.MemoryMi} Mi; timeout {w.TimeoutSeconds} s; grace {w.TerminationGracePeriodSeconds} s");
        b.AppendLine();
        var keda = plan.Keda;
        b.AppendLine(keda
            ? "pools: KEDA ScaledObjects (autoscaling.engine keda): the queue read from the broker; poll/cooldown take a pool at zero up and down"
            : "pools: HPAs on prometheus-adapter's External queue metric (autoscaling.engine hpa)");
        var rows = new List<string[]> { new[] { "pool", "-c", "min", "max", "threshold", "cpu %", "down after s/pods", keda ? "poll/cooldown s" : "", "soft/hard s", "grace s", "pod", "peak/min", "busy at peak" } };
        rows.AddRange(plan.Queues.Select(p => new[]
        {
            p.Name,
            p.Concurrency.ToString(CultureInfo.InvariantCulture) + (p.ConcurrencySource == "memory" ? "*" : ""),
            p.MinReplicas.ToString(CultureInfo.InvariantCulture),
            p.MaxReplicas.ToString(CultureInfo.InvariantCulture),
            p.ScaleUpThreshold.ToString(CultureInfo.InvariantCulture),
            p.CpuMetric ? p.CpuTargetPercent.ToString(CultureInfo.InvariantCulture) : "off",
            string.Create(CultureInfo.InvariantCulture, $"{p.ScaleDownWindowSeconds}/{p.ScaleDownPodsPerMinute}"),
            keda ? string.Create(CultureInfo.InvariantCulture, $"{p.PollingIntervalSeconds}/{p.CooldownSeconds}") : "",
            $"{p.SoftTimeLimitSeconds}/{p.HardTimeLimitSeconds}",
            p.TerminationGracePeriodSeconds.ToString(CultureInfo.InvariantCulture),
            $"{p.CpuMillis}m {p.MemoryMi} Mi",
            p.PeakTasksPerMinute.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{p.PeakBusyChildren:0.#} of {p.MaxReplicas * p.Concurrency}"),
        }));
        // The poll/cooldown column only means something with KEDA.
        AppendColumns(b, keda ? rows : rows.Select(r => r.Where((_, i) => i != 7).ToArray()).ToList());
        b.AppendLine("  * concurrency computed from memory: (memoryMi − parent − probe) / maxMemoryPerChildMi");
        b.AppendLine("  busy at peak: children the peak keeps busy (peakTasksPerMinute ÷ 60 × taskMeanSeconds) of max × -c");
        b.AppendLine(CultureInfo.InvariantCulture, $"  Celery profile {plan.Celery.Profile.Name} (seed 001), visibility timeout {plan.Celery.VisibilityTimeoutSeconds} s, prefetch per pool {string.Join(", ", plan.Queues.Select(q => $"{q.Name} {q.PrefetchMultiplier}"))}");
        b.AppendLine();
        var d = plan.Database;
        b.AppendLine(CultureInfo.InvariantCulture,
            $"database: {d.ConnectionsAtMax} connections at full scale, budget {d.Budget} of max_connections {d.MaxConnections} ({d.MaxConnectionsSource}{(d.InstanceClass is null ? "" : ", " + d.InstanceClass)})");
        foreach (var u in d.Breakdown)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"  {u.Consumer,-16} {u.Connections,6}  {u.Formula}");
        }

        b.AppendLine();
        foreach (var r in new[] { plan.Broker, plan.Cache })
        {
            b.AppendLine(CultureInfo.InvariantCulture,
                $"redis {r.Name}: maxmemory {r.MaxMemoryBytes / (1024 * 1024)} Mi, {r.MaxMemoryPolicy} ({(r.NodeType ?? r.MemoryMi + " Mi container")}, {r.ReservedMemoryPercent} % reserved)");
        }

        return b.ToString();
    }

    private static void AppendColumns(StringBuilder b, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            b.Append("  ");
            b.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static void Walk(JsonElement e, string path, List<KeyValuePair<string, string>> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", into);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    // Name list items by their name field, so adding a queue does not shift the others.
                    var label = item.ValueKind == JsonValueKind.Object
                        && (item.TryGetProperty("name", out var n) || item.TryGetProperty("consumer", out n))
                        ? n.GetString() : i.ToString(CultureInfo.InvariantCulture);
                    Walk(item, $"{path}[{label}]", into);
                    i++;
                }

                break;
            default:
                into.Add(new(path, e.ToString()));
                break;
        }
    }
}
