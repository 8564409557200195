using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Superset.Configuration.Keys;
using Superset.Planning;

namespace Superset.Artifacts;

/// <summary>
/// The plan as machines read it: the JSON that <c>plan --json</c> prints and the Pulumi program
/// exports as the <c>plan</c> stack output, plus a flat key → value view that <c>plan --diff</c>
/// compares. Written field by field, so the document is a contract of its own: the plan's records
/// can be recomposed without changing what a pipeline reading the stack output sees.
/// </summary>
public static class PlanDocument
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The plan as indented JSON.</summary>
    public static string Json(StackPlan plan) => Node(plan).ToJsonString(Options);

    /// <summary>
    /// Every computed size as <c>path = value</c>, in a stable order, each value as a person reads it:
    /// numbers <see cref="Readable(decimal)"/>, booleans <c>true</c>/<c>false</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(StackPlan plan)
    {
        var result = new List<KeyValuePair<string, string>>();
        using var doc = JsonDocument.Parse(Json(plan));
        Walk(doc.RootElement, "", result);
        return result;
    }

    /// <summary>The document as a JSON tree.</summary>
    public static JsonObject Node(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new JsonObject
        {
            ["tier"] = plan.Tier,
            ["namespace"] = plan.Namespace,
            ["dataServices"] = plan.DataServices,
            ["sizing"] = JsonSerializer.SerializeToNode(plan.Sizing, Options),
            ["web"] = Web(plan.Web),
            ["queues"] = new JsonArray(plan.Queues.Select(q => (JsonNode)WithWorkingHours(Pool(q), q)).ToArray()),
            ["beat"] = new JsonObject { ["replicas"] = plan.Beat.Replicas, ["cpuMillis"] = plan.Beat.Pod.CpuMillis, ["memoryMi"] = plan.Beat.Pod.MemoryMi },
            ["celery"] = new JsonObject
            {
                ["visibilityTimeoutSeconds"] = plan.Celery.VisibilityTimeoutSeconds,
                ["profile"] = JsonSerializer.SerializeToNode(plan.Celery.Profile, Options),
            },
            ["database"] = Database(plan.Database),
            ["broker"] = Redis(plan.Broker),
            ["cache"] = Redis(plan.Cache),
        };
    }

    private static JsonObject Web(WebPlan w) => new()
    {
        ["requiredWorkers"] = w.RequiredWorkers,
        ["gunicornWorkers"] = w.GunicornWorkers,
        ["threads"] = w.Threads,
        ["slotsPerPod"] = w.SlotsPerPod,
        ["replicas"] = w.PeakReplicas,
        ["minReplicas"] = w.Autoscaler.Replicas.Min,
        ["maxReplicas"] = w.Autoscaler.Replicas.Max,
        ["cpuMillis"] = w.Pod.CpuMillis,
        ["memoryMi"] = w.Pod.MemoryMi,
        ["cpuTargetPercent"] = w.Autoscaler.CpuTargetPercent,
        ["timeoutSeconds"] = w.TimeoutSeconds,
        ["gracefulTimeoutSeconds"] = w.GracefulTimeoutSeconds,
        ["maxRequests"] = w.Recycling.MaxRequests,
        ["maxRequestsJitter"] = w.Recycling.Jitter,
        ["preStopSeconds"] = w.Shutdown.PreStopSeconds,
        ["terminationGracePeriodSeconds"] = w.Shutdown.TerminationGracePeriodSeconds,
        ["dbPoolSize"] = w.DbPool.PoolSize,
        ["dbMaxOverflow"] = w.DbPool.MaxOverflow,
        ["dbConnectionsPerPod"] = w.DbConnectionsPerPod,
    };

    /// <summary>
    /// A pool's working hours where it has them (engine keda): the declared hours, their floor, and when
    /// the cron trigger raises it (<c>floorFrom</c>, the lead before start). Absent otherwise, so a stack
    /// without them keeps its output as it was.
    /// </summary>
    private static JsonObject WithWorkingHours(JsonObject node, PoolPlan p)
    {
        if (p.Autoscaler.Prewarm is { } prewarm)
        {
            node["workingHours"] = new JsonObject
            {
                ["timezone"] = prewarm.Hours.TimeZone,
                ["days"] = prewarm.Hours.Days,
                ["start"] = WorkingHoursKeys.Clock(prewarm.Hours.StartMinute),
                ["end"] = WorkingHoursKeys.Clock(prewarm.Hours.EndMinute),
                ["minReplicas"] = prewarm.Hours.Replicas,
                ["floorFrom"] = WorkingHoursKeys.Clock(prewarm.StartMinute),
                ["leadMinutes"] = prewarm.LeadMinutes,
            };
        }

        return node;
    }

    private static JsonObject Pool(PoolPlan p) => new()
    {
        ["name"] = p.Name,
        ["concurrency"] = p.Concurrency,
        ["concurrencySource"] = p.ConcurrencySource,
        ["minReplicas"] = p.Replicas.Min,
        ["maxReplicas"] = p.Replicas.Max,
        ["scaleUpThreshold"] = p.Autoscaler.ScaleUpThreshold,
        ["cpuTargetPercent"] = p.Autoscaler.CpuTargetPercent,
        ["softTimeLimitSeconds"] = p.Limits.SoftSeconds,
        ["hardTimeLimitSeconds"] = p.Limits.HardSeconds,
        ["maxTasksPerChild"] = p.Recycling.MaxTasksPerChild,
        ["maxMemoryPerChildKiB"] = p.MaxMemoryPerChildKiB,
        ["cpuMillis"] = p.Pod.CpuMillis,
        ["memoryMi"] = p.Pod.MemoryMi,
        ["preStopSeconds"] = p.Shutdown.PreStopSeconds,
        ["terminationGracePeriodSeconds"] = p.Shutdown.TerminationGracePeriodSeconds,
        ["taskMeanSeconds"] = p.Tasks.MeanSeconds,
        ["taskP95Seconds"] = p.Tasks.P95Seconds,
        ["waitTargetSeconds"] = p.WaitTargetSeconds,
        ["prefetchMultiplier"] = p.PrefetchMultiplier,
        ["peakTasksPerMinute"] = p.Tasks.PeakPerMinute,
        ["pollingIntervalSeconds"] = p.Autoscaler.Keda.PollingIntervalSeconds,
        ["cooldownSeconds"] = p.Autoscaler.Keda.CooldownSeconds,
        ["scaleDownWindowSeconds"] = p.Autoscaler.ScaleDown.WindowSeconds,
        ["scaleUpWindowSeconds"] = p.Autoscaler.ScaleUpWindowSeconds,
        ["scaleDownPodsPerMinute"] = p.Autoscaler.ScaleDown.PodsPerMinute,
        ["cpuMetric"] = p.Autoscaler.CpuMetric,
        ["fallbackReplicas"] = p.FallbackReplicas,
        ["peakBusyChildren"] = p.PeakBusyChildren,
        ["dbConnectionsPerPod"] = p.DbConnectionsPerPod,
    };

    private static JsonObject Database(DatabasePlan d)
    {
        var node = new JsonObject
        {
            ["maxConnections"] = d.MaxConnections,
            ["maxConnectionsSource"] = d.MaxConnectionsSource,
            ["budget"] = d.Budget,
            ["connectionsAtMax"] = d.ConnectionsAtMax,
            ["breakdown"] = JsonSerializer.SerializeToNode(d.Breakdown, Options),
        };
        Optional(node, "instanceClass", d.InstanceClass);
        Optional(node, "memoryMi", d.MemoryMi);
        return node;
    }

    private static JsonObject Redis(RedisPlan r)
    {
        var node = new JsonObject { ["role"] = r.Name, ["maxMemoryBytes"] = r.MaxMemoryBytes };
        Optional(node, "memoryMi", r.MemoryMi);
        Optional(node, "nodeType", r.NodeType);
        node["reservedMemoryPercent"] = r.ReservedMemoryPercent;
        Optional(node, "nodesPerGroup", r.NodesPerGroup);
        node["maxMemoryPolicy"] = r.MaxMemoryPolicy;
        return node;
    }

    private static void Optional<T>(JsonObject node, string name, T? value)
    {
        if (value is not null)
        {
            node[name] = JsonValue.Create(value);
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
            case JsonValueKind.True or JsonValueKind.False:
                // As the stack files write them, not .NET's True and False.
                into.Add(new(path, e.GetRawText()));
                break;
            case JsonValueKind.Number:
                into.Add(new(path, Readable(e.GetDecimal())));
                break;
            default:
                into.Add(new(path, e.ToString()));
                break;
        }
    }

    /// <summary>
    /// A number as a person reads it, and the same way whichever arithmetic produced it: at most four
    /// decimals, no trailing zeros, invariant culture (a decimal division leaves noise such as
    /// 1.6000000000000000000000000005, and 1.60 and 1.6 are one value). A value too small for four
    /// decimals keeps three significant digits.
    /// </summary>
    public static string Readable(decimal value)
    {
        var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        return rounded == 0 && value != 0
            ? ((double)value).ToString("G3", CultureInfo.InvariantCulture)
            : rounded.ToString("0.####", CultureInfo.InvariantCulture);
    }
}
