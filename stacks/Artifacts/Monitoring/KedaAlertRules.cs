using System.Globalization;
using Superset.Catalog.Metrics;

namespace Superset.Artifacts.Monitoring;

/// <summary>
/// The autoscaling group (docs/decisions/0002-keda-by-default.md, 0003-scale-to-zero.md), apart from the queue rules: a pool at zero that does not wake
/// after its cold-start allowance, and KEDA's own errors. A pool at zero with an empty queue is
/// healthy and fires nothing (no SupersetWorkersBelowMinimum is rendered for a pool whose minimum
/// is 0, and SupersetQueueHasNoConsumer waits out its cold start).
/// </summary>
public static class KedaAlertRules
{
    /// <summary>KEDA's per-trigger error counter (<see cref="Metrics.KedaScalerErrors"/>).</summary>
    public const string ScalerErrors = Metrics.KedaScalerErrors;

    /// <summary>Errors per ScaledObject (<see cref="Metrics.KedaScaledObjectErrors"/>).</summary>
    public const string ScaledObjectErrors = Metrics.KedaScaledObjectErrors;

    /// <summary>The value each trigger last read (<see cref="Metrics.KedaScalerMetricValue"/>).</summary>
    public const string ScalerMetricValue = Metrics.KedaScalerMetricValue;

    /// <summary>
    /// KEDA's metrics carry the ScaledObject's namespace as <c>namespace</c>; the operator's target
    /// lives in KEDA's namespace, and Prometheus keeps the target's label and renames the metric's to
    /// <c>exported_namespace</c> (honor_labels false: the chart's ServiceMonitor,
    /// keda/templates/manager/servicemonitor.yaml@kedacore/charts v2.20.2, sets no honorLabels).
    /// </summary>
    public const string NamespaceLabel = "exported_namespace";

    /// <summary>The group, or null when the stack does not scale with KEDA.</summary>
    public static AlertGroup? For(AlertThresholds t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (!t.Keda)
        {
            return null;
        }

        var ns = t.Namespace;
        var rules = new List<AlertRule>();
        foreach (var q in t.Queues.Where(q => q.MinReplicas == 0))
        {
            // KEDA notices the first task within one polling interval and the pod needs its start;
            // past that allowance a waiting task with no pod is a pool that did not wake.
            var allowance = q.ColdStartSeconds.ToString(CultureInfo.InvariantCulture);
            rules.Add(new("SupersetPoolAtZeroNotWaking",
                $"{Selectors.QueueDepth(ns, q.Queue)} > 0 and on() (max({Metrics.DeploymentAvailable}{{namespace=\"{ns}\", deployment=\"{q.Deployment}\"}}) == 0)",
                $"{allowance}s", "critical",
                $"Tasks wait in {q.Queue} and its pool, at zero, has not woken",
                $"{{{{ $value }}}} tasks in {q.Queue} and no available pod of {q.Deployment} after the cold-start allowance of {allowance} s (KEDA polling + pod start). `kubectl -n {ns} describe scaledobject {q.Deployment}` and the keda-operator logs.",
                new Dictionary<string, string> { ["queue"] = q.Queue }));
        }

        var selector = $"{NamespaceLabel}=\"{ns}\"";
        rules.Add(new("SupersetKedaScalerErrors", $"sum by (scaledObject, scaler) (rate({ScalerErrors}{{{selector}}}[5m])) > 0", "5m", "warning",
            "KEDA cannot read a trigger of {{ $labels.scaledObject }}",
            "The {{ $labels.scaler }} trigger of {{ $labels.scaledObject }} fails ({{ $value }} errors/s); KEDA holds the fallback replicas after 3 failures. Check the broker address and TLS, the TriggerAuthentication's Secret, and `kubectl -n " + ns + " describe scaledobject {{ $labels.scaledObject }}`."));
        rules.Add(new("SupersetKedaScaledObjectErrors", $"sum by (scaledObject) (rate({ScaledObjectErrors}{{{selector}}}[5m])) > 0", "5m", "critical",
            "KEDA reports errors for ScaledObject {{ $labels.scaledObject }}",
            "{{ $labels.scaledObject }} has errors ({{ $value }}/s): its HPA may get no queue metric and stop scaling. `kubectl -n " + ns + " describe scaledobject {{ $labels.scaledObject }}`."));
        return new AlertGroup("superset-autoscaling", rules);
    }
}
