using System.Text.RegularExpressions;
using Superset.Catalog.Metrics;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>What the alert and dashboard tests check in a PromQL expression or a promtool input series.</summary>
internal static partial class PromQl
{
    /// <summary>
    /// Fails unless every metric the expression selects is one an exporter of the stack sets with a
    /// Redis broker, and every label it matches on or aggregates by is one that exporter (or
    /// Prometheus, for the target) puts on that metric.
    /// </summary>
    public static void AssertMetricsKnown(string expr, string where)
    {
        var metrics = new List<string>();
        foreach (Match m in Selector().Matches(expr))
        {
            var metric = m.Groups["metric"].Value;
            Assert.True(Metrics.Sources.ContainsKey(metric), $"{where}: {metric} has no exporter in Metrics.Sources");
            metrics.Add(metric);
            foreach (var label in LabelNames(m.Groups["labels"].Value))
            {
                AssertLabel(metric, label, where);
            }
        }

        // `by (...)` and `on (...)` labels must exist on some metric the expression reads.
        foreach (Match m in Grouping().Matches(expr))
        {
            foreach (var label in m.Groups["labels"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Assert.True(metrics.Any(metric => Has(metric, label)), $"{where}: no metric of the expression carries the label {label} it groups by");
            }
        }
    }

    /// <summary>
    /// Fails unless a promtool input series (<c>metric{a="b", ...}</c>) is one the exporters really
    /// emit: a known metric, only its labels, and celery-exporter's hostname without the node prefix.
    /// </summary>
    public static void AssertSeriesReal(string series, string where)
    {
        var m = Selector().Match(series);
        Assert.True(m.Success && m.Index == 0, $"{where}: {series} is not a metric{{labels}} selector");
        var metric = m.Groups["metric"].Value;
        Assert.True(Metrics.Sources.ContainsKey(metric), $"{where}: {metric} is not a metric the stack's exporters set with a Redis broker");
        foreach (var (label, value) in Pairs(m.Groups["labels"].Value))
        {
            AssertLabel(metric, label, where);
            // danihodovic/celery-exporter src/exporter.py@v0.12.2 get_hostname: nodesplit("pool@pod")[1].
            Assert.False(label == "hostname" && value.Contains('@', StringComparison.Ordinal),
                $"{where}: celery-exporter's hostname label is the pod name (get_hostname drops '{value.Split('@')[0]}@')");
        }
    }

    private static void AssertLabel(string metric, string label, string where) =>
        Assert.True(Has(metric, label), $"{where}: {metric} has no label {label} (Metrics.Labels, Metrics.TargetLabels)");

    private static bool Has(string metric, string label) =>
        Metrics.TargetLabels.Contains(label) || (Metrics.Labels.TryGetValue(metric, out var own) && own.Contains(label));

    private static IEnumerable<string> LabelNames(string matchers) => Pairs(matchers).Select(p => p.Label);

    private static IEnumerable<(string Label, string Value)> Pairs(string matchers) =>
        Matcher().Matches(matchers).Select(p => (p.Groups["label"].Value, p.Groups["value"].Value));

    // A metric selector: a name followed by { or [ (functions are followed by '(').
    [GeneratedRegex(@"\b(?<metric>[a-z_][a-z0-9_]*)\s*(?:\{(?<labels>[^}]*)\}|(?=\[))")]
    private static partial Regex Selector();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)\s*""(?<value>[^""]*)""")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"\b(?:by|on|ignoring|without)\s*\((?<labels>[^)]*)\)")]
    private static partial Regex Grouping();
}
