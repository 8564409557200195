using System.Globalization;
using System.Text.RegularExpressions;
using Superset.Planning;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The alert rules as the rendered PrometheusRules carry them: none that can never fire, and a pool
/// that scales to zero is watched by a rule that waits out its cold start instead.
/// </summary>
[Collection("pulumi")]
public sealed partial class RenderedAlertRuleTests
{
    /// <summary>
    /// A comparison with a literal: <c>&lt; 0</c>, <c>&lt;= -1</c>, <c>== -2</c> (with or without <c>bool</c>).
    /// </summary>
    [GeneratedRegex(@"(?<op><=|>=|==|!=|<|>)\s*(?:bool\s+)?(?<n>-?\d+(?:\.\d+)?)(?![\w.])")]
    private static partial Regex Comparison();

    /// <summary>Every rendered alerting rule: its alert, expression, duration and labels.</summary>
    private static IEnumerable<Manifest> Rules(Run run) =>
        run.All("PrometheusRule").SelectMany(r => r.Items("spec.groups")).SelectMany(g => g.Items("rules"));

    /// <summary>
    /// Every series these rules compare (queue lengths, pod and worker counts, ratios, rates, counter
    /// increases) is never negative, except <c>deriv()</c>, which they only compare with <c>&gt; 0</c>:
    /// a <c>&lt; 0</c>, <c>&lt;= -n</c> or <c>== -n</c> on them can never be true.
    /// </summary>
    internal static bool NeverTrue(string op, double n) => op switch
    {
        "<" => n <= 0,
        "<=" or "==" => n < 0,
        _ => false,
    };

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task No_rendered_rule_compares_a_count_with_a_value_it_can_never_cross(string stack)
    {
        var rules = Rules(await Harness.StackAsync(stack)).ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var expr = (string)rule.At("expr")!;
            foreach (Match m in Comparison().Matches(expr))
            {
                var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                Assert.False(NeverTrue(m.Groups["op"].Value, n), $"{rule.At("alert")} can never fire: `{m.Value}` in {expr}");
            }
        });
    }

    [Fact]
    public void The_check_catches_what_the_pools_at_zero_once_rendered()
    {
        var m = Comparison().Match("max(kube_deployment_status_replicas_available{deployment=\"superset-worker-reports\"}) < 0");
        Assert.True(NeverTrue(m.Groups["op"].Value, double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)));
        Assert.False(NeverTrue("<", 3));
        Assert.False(NeverTrue("==", 0));
        Assert.True(NeverTrue("<=", -1));
    }

    [Fact]
    public async Task A_pool_at_zero_gets_no_below_minimum_rule_and_a_no_consumer_rule_that_outlasts_its_cold_start()
    {
        var run = await Harness.StackAsync("prod"); // medium: cache scales to zero (reports keeps one pod)
        var rules = Rules(run).ToList();
        var atZero = run.All("ScaledObject").Where(s => s.Number("spec.minReplicaCount") == 0).ToList();
        var floored = run.All("ScaledObject").Where(s => s.Number("spec.minReplicaCount") > 0).ToList();

        Assert.Equal(["superset-worker-cache"], atZero.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var pool in atZero)
        {
            var queue = pool.Name["superset-worker-".Length..];
            var ofQueue = rules.Where(r => (string?)r.At("labels.queue") == queue).ToList();
            Assert.DoesNotContain(ofQueue, r => (string?)r.At("alert") == "SupersetWorkersBelowMinimum");

            // Tasks waiting with no worker: a page only once KEDA's polling and a pod's start are past.
            var coldStart = pool.Number("spec.pollingInterval") + AutoscalerPolicy.PodStartSeconds;
            var noConsumer = ofQueue.Single(r => (string?)r.At("alert") == "SupersetQueueHasNoConsumer");
            Assert.True(Seconds((string)noConsumer.At("for")!) > coldStart, $"{queue}: for {noConsumer.At("for")} within a cold start of {coldStart} s");
            Assert.Contains(ofQueue, r => (string?)r.At("alert") == "SupersetPoolAtZeroNotWaking");
        }

        foreach (var pool in floored)
        {
            var queue = pool.Name["superset-worker-".Length..];
            var below = rules.Single(r => (string?)r.At("alert") == "SupersetWorkersBelowMinimum" && (string?)r.At("labels.queue") == queue);
            Assert.EndsWith($"< {pool.Number("spec.minReplicaCount")}", (string)below.At("expr")!, StringComparison.Ordinal);
        }
    }

    /// <summary>A Prometheus duration of one unit (<c>5m</c>, <c>405s</c>) in seconds.</summary>
    private static long Seconds(string duration) => duration[^1] switch
    {
        's' => long.Parse(duration[..^1], CultureInfo.InvariantCulture),
        'm' => 60 * long.Parse(duration[..^1], CultureInfo.InvariantCulture),
        'h' => 3600 * long.Parse(duration[..^1], CultureInfo.InvariantCulture),
        _ => throw new FormatException(duration),
    };
}
