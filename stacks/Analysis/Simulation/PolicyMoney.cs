using System.Globalization;
using System.Text;
using Superset.Analysis.Cost;

namespace Superset.Analysis.Simulation;

/// <summary>
/// Simulated pod-minutes in dollars: each pool's pod costs its share of a node an hour (the same
/// price as the <c>worker-&lt;pool&gt;</c> item of <c>plan</c>'s cost table), so what one autoscaling
/// policy saves over another reads as money.
/// </summary>
/// <param name="PodHourUsd">Dollars one pod of <c>worker-&lt;pool&gt;</c> costs an hour (<see cref="StackCost.PodHourUsd"/>).</param>
/// <param name="ScenarioSeconds">The scenario's length, to scale a scenario's cost to a 730-hour month.</param>
/// <param name="Cost">The stack's cost, for the region, node type and price date.</param>
public sealed record PolicyMoney(IReadOnlyDictionary<string, decimal> PodHourUsd, int ScenarioSeconds, StackCost Cost)
{
    /// <summary>The money of a stack's pools, or null when the plan has no price (with the reason).</summary>
    public static PolicyMoney? For(StackCost? cost, Scenario scenario) =>
        cost is null ? null : new PolicyMoney(cost.PodHourUsd, (scenario ?? throw new ArgumentNullException(nameof(scenario))).DurationSeconds, cost);

    /// <summary>Dollars one pool spent under one policy in the scenario: pod-minutes ÷ 60 × its pod's hourly price.</summary>
    public decimal Of(QueueResult q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return (decimal)q.PodMinutes / 60m * PodHourUsd[$"worker-{q.Name}"];
    }

    /// <summary>A month of this scenario back to back: the scenario's cost × 730 h ÷ its length.</summary>
    public decimal Monthly(decimal scenarioUsd) => scenarioUsd * CostModel.HoursPerMonth * 3600m / ScenarioSeconds;

    /// <summary>Each policy's total, and what the configured HPAs save over static sizing and the autoscaling article's HPA.</summary>
    public string Summary(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var totals = result.Policies.ToDictionary(p => p.Name, p => p.Queues.Sum(Of));
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture,
            $"Worker pods in money ({Cost.Currency}, {Cost.Region} list prices as of {Cost.PricesAsOf}, each pod its share of a {Cost.NodeType}; \"a month\" repeats this {ScenarioSeconds / 60}-minute scenario for {CostModel.HoursPerMonth} h):");
        b.AppendLine();
        foreach (var (name, usd) in totals)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {Money(usd)} for the scenario, {CostReport.Usd(Monthly(usd))} a month");
        }

        if (totals.TryGetValue("configured", out var configured))
        {
            foreach (var (other, label) in new[] { ("static", "static sizing at maxReplicas"), ("seed", "the autoscaling article's HPA") })
            {
                if (totals.TryGetValue(other, out var usd))
                {
                    var saved = usd - configured;
                    var share = usd == 0 ? 0 : saved / usd;
                    b.AppendLine(CultureInfo.InvariantCulture,
                        $"- the configured HPAs {(saved >= 0 ? "save" : "cost")} {Money(Math.Abs(saved))} ({Math.Abs(share):P0}) against {label}: {CostReport.Usd(Monthly(Math.Abs(saved)))} a month");
                }
            }
        }

        return b.ToString();
    }

    /// <summary>JSON: the prices behind the figures.</summary>
    public object Json() => new
    {
        currency = Cost.Currency,
        region = Cost.Region,
        pricesAsOf = Cost.PricesAsOf,
        nodeType = Cost.NodeType,
        podHourUsd = PodHourUsd.Where(kv => kv.Key.StartsWith("worker-", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key["worker-".Length..], kv => Math.Round(kv.Value, 6)),
    };

    private static string Money(decimal usd) => "$" + usd.ToString(usd < 10 ? "0.000" : "N2", CultureInfo.InvariantCulture);
}
