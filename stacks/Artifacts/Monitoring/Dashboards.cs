using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Superset.Catalog.Metrics;
using Superset.Planning;

namespace Superset.Artifacts.Monitoring;

/// <summary>One Grafana panel's query, with the threshold line drawn on it (if any).</summary>
/// <param name="Expr">PromQL; <c>$namespace</c> is the dashboard's namespace variable.</param>
/// <param name="Legend">Series legend.</param>
public sealed record PanelQuery(string Expr, string Legend);

/// <summary>A time-series panel.</summary>
/// <param name="Title">Panel title.</param>
/// <param name="Unit">Grafana unit (short, s, percentunit, bytes, reqps).</param>
/// <param name="Queries">The queries drawn.</param>
/// <param name="Threshold">A red line at this value: the alert threshold the panel watches.</param>
public sealed record Panel(string Title, string Unit, IReadOnlyList<PanelQuery> Queries, double? Threshold = null);

/// <summary>A row of panels (one per worker pool on the workers dashboard).</summary>
public sealed record DashboardRow(string Title, IReadOnlyList<Panel> Panels);

/// <summary>A dashboard before it becomes Grafana JSON.</summary>
public sealed record Dashboard(string Uid, string Title, IReadOnlyList<DashboardRow> Rows);

/// <summary>
/// The stack's Grafana dashboards (docs/sources/autoscaling.md and memory-pressure.md: see autoscaling decisions next to memory and
/// latency), generated from the plan: one row per worker pool, so a new queue appears without
/// editing JSON, with the alert rules' thresholds (one source, <see cref="AlertThresholds"/>) as
/// threshold lines. Every expression reads only metrics of <see cref="Metrics"/>.
/// </summary>
public static class Dashboards
{
    /// <summary>Label value kube-prometheus-stack's Grafana sidecar watches on ConfigMaps (its default: grafana_dashboard=1).</summary>
    public const string SidecarLabel = "grafana_dashboard";

    /// <summary>The variable every expression filters on.</summary>
    public const string NamespaceVariable = "$namespace";

    /// <summary>The three dashboards of a stack.</summary>
    public static IReadOnlyList<Dashboard> For(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var t = AlertThresholds.For(plan);
        return [Workers(plan, t), Web(plan, t), Data(plan, t)];
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static Dashboard Workers(StackPlan plan, AlertThresholds t)
    {
        const string ns = NamespaceVariable;
        var rows = new List<DashboardRow>();
        foreach (var (pool, q) in plan.Queues.Zip(t.Queues))
        {
            var depth = Selectors.QueueDepth(ns, pool.Name);
            string Hpa(string metric) => Selectors.HpaValue(metric, ns, q.Deployment);
            var byQueue = Selectors.Queue(ns, pool.Name);
            var failed = $"sum(rate({Metrics.CeleryTaskFailed}{{{byQueue}}}[5m]))";
            var succeeded = $"sum(rate({Metrics.CeleryTaskSucceeded}{{{byQueue}}}[5m]))";
            rows.Add(new DashboardRow($"Pool {pool.Name}: -c {pool.Concurrency}, {pool.Replicas.Min}-{pool.Replicas.Max} pods, target {pool.Autoscaler.ScaleUpThreshold} tasks/pod",
            [
                new Panel("Queue length against the HPA's target", "short",
                [
                    new(depth, "waiting tasks"),
                    new($"{pool.Autoscaler.ScaleUpThreshold} * {Hpa(Metrics.HpaCurrentReplicas)}", "target x current replicas"),
                ], q.BacklogTasks),
                new Panel("Replicas: desired, current, bounds", "short",
                [
                    new(Hpa(Metrics.HpaDesiredReplicas), "desired"),
                    new(Hpa(Metrics.HpaCurrentReplicas), "current"),
                    new(Hpa(Metrics.HpaMinReplicas), "min"),
                    new(Hpa(Metrics.HpaMaxReplicas), "max"),
                ]),
                new Panel("Scale events (changes of desired replicas, 30 m)", "short",
                    [new($"changes({Metrics.HpaDesiredReplicas}{{{Selectors.Hpa(ns, q.Deployment)}}}[30m])", "changes")],
                    AlertThresholds.ThrashChanges),
                new Panel("Task runtime p50 / p95", "s",
                [
                    new($"histogram_quantile(0.5, sum by (le) (rate({Metrics.CeleryTaskRuntimeBucket}{{{byQueue}}}[5m])))", "p50"),
                    new($"histogram_quantile(0.95, sum by (le) (rate({Metrics.CeleryTaskRuntimeBucket}{{{byQueue}}}[5m])))", "p95"),
                ], pool.Limits.SoftSeconds),
                new Panel("Queue wait (length / start rate)", "s",
                    [new($"{depth} / clamp_min(sum(rate({Metrics.CeleryTaskStarted}{{{byQueue}}}[5m])), 0.001)", "estimated wait")],
                    q.WaitTargetSeconds),
                new Panel("Failure rate", "percentunit",
                    [new($"{failed} / clamp_min({failed} + {succeeded}, 0.001)", "failed / finished")],
                    AlertThresholds.TaskFailureRatio),
                new Panel("Utilization: running tasks / (concurrency x pods)", "percentunit",
                    [new($"sum({Metrics.CeleryWorkerTasksActive}{{namespace=\"{ns}\", hostname=~\"{q.Deployment}-.*\"}}) / clamp_min({pool.Concurrency} * {Hpa(Metrics.HpaCurrentReplicas)}, 1)", "utilization")]),
                .. KedaPanels(plan, pool, q, ns),
            ]));
        }

        return new Dashboard("superset-workers", "Superset: workers and autoscaling", rows);
    }

    /// <summary>
    /// With KEDA: the queue its ScaledObject reads from the broker (the scalingModifiers formula's
    /// value, recorded under the scaler name <c>composite-metric</c>, pkg/scaling/scale_handler.go@v2.20.2)
    /// beside the replicas its HPA sets and the available pods (zero when the pool sleeps).
    /// </summary>
    private static IEnumerable<Panel> KedaPanels(StackPlan plan, PoolPlan pool, QueueThresholds q, string ns)
    {
        if (!plan.Keda)
        {
            yield break;
        }

        var so = $"{KedaAlertRules.NamespaceLabel}=\"{ns}\", scaledObject=\"{q.Deployment}\"";
        yield return new Panel($"KEDA: queue read from the broker and the replicas it sets (min {pool.Replicas.Min})", "short",
        [
            new($"max({KedaAlertRules.ScalerMetricValue}{{{so}, scaler=\"composite-metric\"}})", "waiting tasks (all priority lists)"),
            new(Selectors.HpaValue(Metrics.HpaDesiredReplicas, ns, q.Deployment), "desired replicas"),
            new($"max({Metrics.DeploymentAvailable}{{namespace=\"{ns}\", deployment=\"{q.Deployment}\"}})", "available pods"),
        ]);
    }

    private static Dashboard Web(StackPlan plan, AlertThresholds t)
    {
        const string ns = NamespaceVariable;
        var ingress = Selectors.Ingress(ns);
        var web = Selectors.WebContainer(ns);
        return new Dashboard("superset-web", "Superset: web", [new DashboardRow($"gunicorn: {plan.Web.GunicornWorkers} processes x {plan.Web.Threads} threads per pod",
        [
            new Panel("Requests per second at the ingress", "reqps", [new($"sum(rate({Metrics.IngressRequests}{{{ingress}}}[5m]))", "requests")]),
            new Panel("5xx ratio", "percentunit",
                [new($"sum(rate({Metrics.IngressRequests}{{{ingress}, status=~\"5..\"}}[5m])) / clamp_min(sum(rate({Metrics.IngressRequests}{{{ingress}}}[5m])), 0.001)", "5xx / all")],
                AlertThresholds.Web5xxRatio),
            new Panel("p95 latency at the ingress", "s",
                [new($"histogram_quantile(0.95, sum by (le) (rate({Metrics.IngressDurationBucket}{{{ingress}}}[5m])))", "p95")], t.WebP95Seconds),
            new Panel("CPU per pod against its request", "percentunit",
                [new($"sum by (pod) (rate({Metrics.ContainerCpu}{{{web}}}[5m])) / sum by (pod) ({Metrics.ContainerRequests}{{{web}, resource=\"cpu\"}})", "{{pod}}")],
                plan.Web.Autoscaler.CpuTargetPercent / 100.0),
            new Panel("Memory per pod against its limit", "percentunit",
                [new(Selectors.WebMemoryRatio(ns), "{{pod}}")],
                AlertThresholds.MemoryNearLimitRatio),
            new Panel("Replicas", "short",
            [
                new(Selectors.HpaValue(Metrics.HpaCurrentReplicas, ns, "superset-web"), "current"),
                new(Selectors.HpaValue(Metrics.HpaMaxReplicas, ns, "superset-web"), "max"),
            ]),
        ])]);
    }

    private static Dashboard Data(StackPlan plan, AlertThresholds t)
    {
        const string ns = NamespaceVariable;
        DashboardRow Redis(string role, double? evictionLine) => new($"{role} Redis ({(role == "broker" ? "noeviction" : "allkeys-lru")})",
        [
            new Panel("Memory against maxmemory", "percentunit",
                [new($"max({Metrics.RedisMemoryUsed}{{{Selectors.Redis(ns, role)}}}) / max({Metrics.RedisMemoryMax}{{{Selectors.Redis(ns, role)}}})", "used / max")],
                role == "broker" ? AlertThresholds.BrokerMemoryRatio : null),
            new Panel(role == "broker" ? "Evictions (must stay at zero)" : "Evictions per second", "short",
                [new($"sum(rate({Metrics.RedisEvictedKeys}{{{Selectors.Redis(ns, role)}}}[5m]))", "evictions/s")], evictionLine),
            new Panel("Connected clients", "short",
                [new($"max({Metrics.RedisConnectedClients}{{{Selectors.Redis(ns, role)}}})", "clients")]),
        ]);
        var connections = new DashboardRow($"Metadata database: budget {plan.Database.Budget} of max_connections {plan.Database.MaxConnections}",
        [
            new Panel("Connections against the budget and max_connections", "short",
            [
                new($"sum({Metrics.PgBackends}{{namespace=\"{ns}\"}})", "connections"),
                new($"max({Metrics.PgMaxConnections}{{namespace=\"{ns}\"}})", "max_connections"),
                new($"{plan.Database.Budget} + 0 * max({Metrics.PgMaxConnections}{{namespace=\"{ns}\"}})", "Superset's budget (plan)"),
            ], Math.Floor(plan.Database.MaxConnections * AlertThresholds.DatabaseConnectionRatio)),
        ]);
        return new Dashboard("superset-data", "Superset: data services", [Redis("broker", 0), Redis("cache", t.CacheEvictionsPerSecond), connections]);
    }

    /// <summary>Grafana's dashboard JSON (schemaVersion 39): a datasource variable, a namespace variable, rows and time-series panels.</summary>
    public static string Json(Dashboard dashboard, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var panels = new JsonArray();
        var id = 1;
        var y = 0;
        foreach (var row in dashboard.Rows)
        {
            panels.Add(new JsonObject
            {
                ["type"] = "row", ["id"] = id++, ["title"] = row.Title, ["collapsed"] = false,
                ["gridPos"] = new JsonObject { ["h"] = 1, ["w"] = 24, ["x"] = 0, ["y"] = y++ },
                ["panels"] = new JsonArray(),
            });
            var x = 0;
            foreach (var panel in row.Panels)
            {
                if (x + 8 > 24)
                {
                    x = 0;
                    y += 8;
                }

                panels.Add(PanelJson(panel, id++, x, y));
                x += 8;
            }

            y += 8;
        }

        var root = new JsonObject
        {
            ["uid"] = dashboard.Uid,
            ["title"] = dashboard.Title,
            ["tags"] = new JsonArray("superset"),
            ["schemaVersion"] = 39,
            ["editable"] = false,
            ["refresh"] = "30s",
            ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
            ["templating"] = new JsonObject
            {
                ["list"] = new JsonArray
                {
                    // No datasource UID is written anywhere: every panel uses this variable.
                    new JsonObject { ["name"] = "datasource", ["label"] = "Prometheus", ["type"] = "datasource", ["query"] = "prometheus" },
                    new JsonObject
                    {
                        ["name"] = "namespace", ["label"] = "Namespace", ["type"] = "query",
                        ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = "${datasource}" },
                        ["query"] = new JsonObject { ["query"] = $"label_values({Metrics.HpaCurrentReplicas}, namespace)", ["refId"] = "namespaces" },
                        ["current"] = new JsonObject { ["text"] = defaultNamespace, ["value"] = defaultNamespace },
                        ["refresh"] = 2,
                    },
                },
            },
            ["panels"] = panels,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject PanelJson(Panel panel, int id, int x, int y)
    {
        var targets = new JsonArray();
        var refId = 'A';
        foreach (var q in panel.Queries)
        {
            targets.Add(new JsonObject { ["refId"] = (refId++).ToString(), ["expr"] = q.Expr, ["legendFormat"] = q.Legend });
        }

        var steps = new JsonArray { new JsonObject { ["color"] = "green", ["value"] = null } };
        if (panel.Threshold is { } threshold)
        {
            steps.Add(new JsonObject { ["color"] = "red", ["value"] = threshold });
        }

        return new JsonObject
        {
            ["type"] = "timeseries", ["id"] = id, ["title"] = panel.Title,
            ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = "${datasource}" },
            ["gridPos"] = new JsonObject { ["h"] = 8, ["w"] = 8, ["x"] = x, ["y"] = y },
            ["targets"] = targets,
            ["fieldConfig"] = new JsonObject
            {
                ["defaults"] = new JsonObject
                {
                    ["unit"] = panel.Unit,
                    ["thresholds"] = new JsonObject { ["mode"] = "absolute", ["steps"] = steps },
                    ["custom"] = new JsonObject { ["thresholdsStyle"] = new JsonObject { ["mode"] = panel.Threshold is null ? "off" : "line" } },
                },
                ["overrides"] = new JsonArray(),
            },
        };
    }

    /// <summary>
    /// Every panel expression as a Prometheus recording rule, with the namespace variable replaced,
    /// so that promtool parses each one exactly as Prometheus will.
    /// </summary>
    public static string ExpressionsAsRules(IReadOnlyList<Dashboard> dashboards, string ns)
    {
        ArgumentNullException.ThrowIfNull(dashboards);
        var rules = dashboards.SelectMany(d => d.Rows.SelectMany(r => r.Panels).SelectMany(p => p.Queries)
            .Select((q, i) => new Dictionary<string, object> { ["record"] = $"dashboard:{d.Uid.Replace('-', '_')}:{i}", ["expr"] = q.Expr.Replace(NamespaceVariable, ns, StringComparison.Ordinal) }))
            .ToList<object>();
        var doc = new Dictionary<string, object> { ["groups"] = new List<object> { new Dictionary<string, object> { ["name"] = "dashboard-expressions", ["rules"] = rules } } };
        return new YamlDotNet.Serialization.SerializerBuilder().DisableAliases().Build().Serialize(doc);
    }
}
