using Superset.Planning;

namespace Superset.Analysis.Simulation;

/// <summary>
/// An HPA as configured: bounds, its one External metric's target and behavior. The simulator has
/// no CPU model (docs/decisions/0006-autoscaling-across-days.md): a CPU target of the stack or of the
/// autoscaling article's HPA is left out, which can only lower the pods simulated (an HPA takes the
/// largest of its metrics' recommendations).
/// </summary>
/// <param name="Name">Policy name in reports.</param>
/// <param name="MinReplicas">Fewest pods.</param>
/// <param name="MaxReplicas">Most pods.</param>
/// <param name="QueueTargetPerPod">AverageValue target of the External metric (tasks per pod).</param>
/// <param name="Behavior">How fast it moves each way: the same value the HPA and KEDA render (<see cref="ScalingBehavior"/>).</param>
public sealed record HpaSpec(string Name, int MinReplicas, int MaxReplicas, double QueueTargetPerPod, ScalingBehavior Behavior)
{
    /// <summary>Kubernetes' default tolerance: no change while the usage ratio is within 10 % of 1.</summary>
    public const double Tolerance = 0.1;
}

/// <summary>
/// The horizontal pod autoscaler's arithmetic as the Kubernetes controller runs it each sync
/// (kubernetes.io, "Horizontal Pod Autoscaling: Algorithm details"): per metric
/// desired = ceil(current × value / target), skipped within the tolerance; the largest across
/// metrics; stabilization over past recommendations; rate policies; min and max.
/// </summary>
public sealed class HpaController
{
    private readonly HpaSpec spec;
    private readonly List<(double Time, int Replicas)> recommendations = [];
    private readonly List<(double Time, int Change)> changes = [];

    public HpaController(HpaSpec spec) => this.spec = spec ?? throw new ArgumentNullException(nameof(spec));

    /// <summary>The metric's AverageValue target.</summary>
    public double QueueTarget => spec.QueueTargetPerPod;

    /// <summary>The recommendation of one metric, or <paramref name="current"/> within the tolerance.</summary>
    public static int MetricRecommendation(int current, double usageRatio)
    {
        if (Math.Abs(usageRatio - 1.0) <= HpaSpec.Tolerance)
        {
            return current;
        }

        return (int)Math.Ceiling(current * usageRatio - 1e-9);
    }

    /// <summary>
    /// One sync. <paramref name="metric"/> is the External metric (AverageValue: usage ratio =
    /// metric / (target × current)). Returns the new replica count.
    /// </summary>
    public int Sync(double now, int current, double metric)
    {
        var desired = MetricRecommendation(Math.Max(current, 1), metric / (spec.QueueTargetPerPod * Math.Max(current, 1)));
        desired = Math.Clamp(desired, spec.MinReplicas, spec.MaxReplicas);
        recommendations.Add((now, desired));
        var horizon = Math.Max(spec.Behavior.Up.StabilizationSeconds, spec.Behavior.Down.StabilizationSeconds);
        recommendations.RemoveAll(r => r.Time < now - horizon);

        // Stabilization: up to the lowest recommendation of the up-window, down to the highest of the down-window.
        var upBound = recommendations.Where(r => r.Time >= now - spec.Behavior.Up.StabilizationSeconds).Min(r => r.Replicas);
        var downBound = recommendations.Where(r => r.Time >= now - spec.Behavior.Down.StabilizationSeconds).Max(r => r.Replicas);
        var stabilized = current;
        if (desired > current)
        {
            stabilized = Math.Max(current, upBound);
        }
        else if (desired < current)
        {
            stabilized = Math.Min(current, downBound);
        }

        var limited = stabilized;
        if (stabilized > current)
        {
            limited = Math.Min(stabilized, current + Allowance(now, current, spec.Behavior.Up, up: true));
        }
        else if (stabilized < current)
        {
            limited = Math.Max(stabilized, current - Allowance(now, current, spec.Behavior.Down, up: false));
        }

        limited = Math.Clamp(limited, spec.MinReplicas, spec.MaxReplicas);
        if (limited != current)
        {
            changes.Add((now, limited - current));
        }

        changes.RemoveAll(c => c.Time < now - 3600);
        return limited;
    }

    /// <summary>Pods the rate policies still allow in this direction, given the changes already made in each policy's period.</summary>
    private int Allowance(double now, int current, ScalingRules rules, bool up)
    {
        var allowances = rules.Policies.Select(p =>
        {
            var made = changes.Where(c => c.Time > now - p.PeriodSeconds && (up ? c.Change > 0 : c.Change < 0)).Sum(c => Math.Abs(c.Change));
            var start = up ? current - made : current + made; // replicas at the start of the period
            var limit = p.Percent ? (int)Math.Ceiling(start * p.Value / 100.0) : p.Value;
            return Math.Max(0, limit - made);
        }).ToList();
        if (allowances.Count == 0)
        {
            return int.MaxValue / 2;
        }

        return rules.SelectMax ? allowances.Max() : allowances.Min();
    }
}
