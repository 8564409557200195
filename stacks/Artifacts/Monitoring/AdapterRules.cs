using Superset.Catalog.Metrics;
using YamlDotNet.Serialization;

namespace Superset.Artifacts.Monitoring;

/// <summary>
/// prometheus-adapter's external rules (kubernetes-sigs/prometheus-adapter, docs/externalmetrics.md):
/// they serve <c>celery_queue_length</c> to each pool's HPA as an External metric. The series carry
/// the <c>namespace</c> of the exporter's Service (the ServiceMonitor adds it), and the adapter
/// restricts a query to the HPA's namespace through that label, so two stacks in one cluster never
/// read each other's queues.
/// </summary>
public static class AdapterRules
{
    /// <summary>The External metric name the HPAs ask for.</summary>
    public const string QueueLengthMetric = Metrics.CeleryQueueLength;

    /// <summary>The rules as the plain structure of the chart's <c>rules.external</c> value.</summary>
    public static List<Dictionary<string, object>> External() =>
    [
        new Dictionary<string, object>
        {
            ["seriesQuery"] = $"{Metrics.CeleryQueueLength}{{namespace!=\"\",queue_name!=\"\"}}",
            ["resources"] = new Dictionary<string, object>
            {
                ["overrides"] = new Dictionary<string, object>
                {
                    ["namespace"] = new Dictionary<string, object> { ["resource"] = "namespace" },
                },
            },
            ["name"] = new Dictionary<string, object> { ["matches"] = $"^{Metrics.CeleryQueueLength}$", ["as"] = QueueLengthMetric },
            // max, not sum: a second exporter replica during a rollout must not double the depth.
            ["metricsQuery"] = "max(<<.Series>>{<<.LabelMatchers>>}) by (queue_name)",
        },
    ];

    /// <summary>The chart values document (<c>rules.external</c>) an operator merges into an existing adapter.</summary>
    public static string ValuesYaml() => new SerializerBuilder().DisableAliases().Build().Serialize(new Dictionary<string, object>
    {
        ["rules"] = new Dictionary<string, object> { ["external"] = External() },
    });
}
