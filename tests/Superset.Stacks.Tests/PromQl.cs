using System.Text.RegularExpressions;
using Superset.Stacks.Monitoring;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>What the alert and dashboard tests check in a PromQL expression.</summary>
internal static partial class PromQl
{
    /// <summary>Fails unless every metric the expression selects is one an exporter of the stack exposes.</summary>
    public static void AssertMetricsKnown(string expr, string where)
    {
        foreach (Match m in MetricName().Matches(expr))
        {
            Assert.True(Metrics.Sources.ContainsKey(m.Groups[1].Value), $"{where}: {m.Groups[1].Value} has no exporter in Metrics.Sources");
        }
    }

    // A metric selector: a name followed by { or [ (functions are followed by '(').
    [GeneratedRegex(@"\b([a-z_][a-z0-9_]*)\s*[\{\[]")]
    private static partial Regex MetricName();
}
