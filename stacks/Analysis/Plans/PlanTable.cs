using System.Globalization;
using System.Text;
using Superset.Configuration.Keys;
using Superset.Planning;

namespace Superset.Analysis.Plans;

/// <summary>The plan as a reviewer reads it: the table <c>plan</c> prints.</summary>
public static class PlanTable
{
    /// <summary>The table that <c>plan</c> prints.</summary>
    public static string Of(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var w = plan.Web;
        var s = plan.Sizing;
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"tier {plan.Tier}, namespace {plan.Namespace}, data services {plan.DataServices}");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture,
            $"web: {s.PeakConcurrentUsers} users × {s.P95LatencyMs / 1000m} s × (1 − {s.CacheHitRate}) × {s.SafetyMargin} = {w.RequiredWorkers} requests in flight (docs/sources/worker-sizing.md)");
        b.AppendLine(CultureInfo.InvariantCulture,
            $"  {w.PeakReplicas} pods × {w.GunicornWorkers} gunicorn workers × {w.Threads} threads = {w.PeakReplicas * w.SlotsPerPod} slots; HPA {w.Autoscaler.Replicas.Min}–{w.Autoscaler.Replicas.Max} at {w.Autoscaler.CpuTargetPercent} % CPU");
        b.AppendLine(CultureInfo.InvariantCulture,
            $"  pod {w.Pod.CpuMillis}m CPU, {w.Pod.MemoryMi} Mi; timeout {w.TimeoutSeconds} s; grace {w.Shutdown.TerminationGracePeriodSeconds} s");
        b.AppendLine();
        var keda = plan.Keda;
        b.AppendLine(keda
            ? "pools: KEDA ScaledObjects (autoscaling.engine keda): the queue read from the broker; poll/cooldown take a pool at zero up and down"
            : "pools: HPAs on prometheus-adapter's External queue metric (autoscaling.engine hpa)");
        var rows = new List<string[]> { new[] { "pool", "-c", "min", "max", "threshold", "cpu %", "up on lowest of s", "down after s/pods", keda ? "poll/cooldown s" : "", "soft/hard s", "grace s", "pod", "peak/min", "busy at peak" } };
        rows.AddRange(plan.Queues.Select(p => new[]
        {
            p.Name,
            p.Concurrency.ToString(CultureInfo.InvariantCulture) + (p.ConcurrencySource == "memory" ? "*" : ""),
            p.Replicas.Min.ToString(CultureInfo.InvariantCulture),
            p.Replicas.Max.ToString(CultureInfo.InvariantCulture),
            p.Autoscaler.ScaleUpThreshold.ToString(CultureInfo.InvariantCulture),
            p.Autoscaler.CpuMetric ? p.Autoscaler.CpuTargetPercent.ToString(CultureInfo.InvariantCulture) : "off",
            p.Autoscaler.ScaleUpWindowSeconds.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{p.Autoscaler.ScaleDown.WindowSeconds}/{p.Autoscaler.ScaleDown.PodsPerMinute}"),
            keda ? string.Create(CultureInfo.InvariantCulture, $"{p.Autoscaler.Keda.PollingIntervalSeconds}/{p.Autoscaler.Keda.CooldownSeconds}") : "",
            $"{p.Limits.SoftSeconds}/{p.Limits.HardSeconds}",
            p.Shutdown.TerminationGracePeriodSeconds.ToString(CultureInfo.InvariantCulture),
            $"{p.Pod.CpuMillis}m {p.Pod.MemoryMi} Mi",
            p.Tasks.PeakPerMinute.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{p.PeakBusyChildren:0.#} of {p.Replicas.Max * p.Concurrency}"),
        }));
        // The poll/cooldown column only means something with KEDA.
        AppendColumns(b, keda ? rows : rows.Select(r => r.Where((_, i) => i != 8).ToArray()).ToList());
        b.AppendLine("  * concurrency computed from memory: (memoryMi − parent − probe) / maxMemoryPerChildMi");
        b.AppendLine("  busy at peak: children the peak keeps busy (peakTasksPerMinute ÷ 60 × taskMeanSeconds) of max × -c");
        foreach (var p in plan.Queues.Where(p => p.Autoscaler.Prewarm is not null))
        {
            var h = p.Autoscaler.Prewarm!;
            b.AppendLine(CultureInfo.InvariantCulture,
                $"  working hours of {p.Name}: at least {h.Hours.Replicas} pod{(h.Hours.Replicas == 1 ? "" : "s")} {h.Hours.Days} {WorkingHoursKeys.Clock(h.Hours.StartMinute)}–{WorkingHoursKeys.Clock(h.Hours.EndMinute)} {h.Hours.TimeZone} (KEDA cron trigger from {WorkingHoursKeys.Clock(h.StartMinute)}, {h.LeadMinutes} min ahead)");
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"  Celery profile {plan.Celery.Profile.Name} (docs/sources/async-queries.md), visibility timeout {plan.Celery.VisibilityTimeoutSeconds} s, prefetch per pool {string.Join(", ", plan.Queues.Select(q => $"{q.Name} {q.PrefetchMultiplier}"))}");
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
            b.AppendLine(PlanAdditions.ExternalRedis(r) ?? string.Create(CultureInfo.InvariantCulture,
                $"redis {r.Name}: maxmemory {r.MaxMemoryBytes / (1024 * 1024)} Mi, {r.MaxMemoryPolicy} ({(r.NodeType ?? r.MemoryMi + " Mi container")}, {r.ReservedMemoryPercent} % reserved)"));
        }

        b.Append(PlanAdditions.Of(plan));
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
}
