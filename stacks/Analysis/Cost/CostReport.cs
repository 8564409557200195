using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Superset.Analysis.Cost;

/// <summary>A stack's cost as <c>plan</c> prints it, as the <c>cost</c> object of <c>plan --json</c>, and as a diff.</summary>
public static class CostReport
{
    /// <summary>Dollars with thousands separators and cents: <c>$1,234.50</c>; a sign when asked.</summary>
    public static string Usd(decimal amount, bool signed = false) =>
        (signed && amount > 0 ? "+" : amount < 0 ? "−" : "") + "$" + Math.Abs(amount).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>The line that says what the figures are.</summary>
    public static string Heading(StackCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return string.Create(CultureInfo.InvariantCulture,
            $"monthly cost: {cost.Currency} list prices in {cost.Region} as of {cost.PricesAsOf}, {CostModel.HoursPerMonth} h a month, pods on {cost.NodeType}{(cost.DiscountPercent == 0 ? "" : $", {cost.DiscountPercent} % discount")}");
    }

    /// <summary>The table <c>plan</c> prints below the sizes.</summary>
    public static string Table(StackCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var b = new StringBuilder();
        b.AppendLine(Heading(cost));
        var rows = new List<string[]> { new[] { "item", "at min", "at max", "basis" } };
        rows.AddRange(cost.Items.Select(i => new[] { i.Name, Usd(i.MonthlyAtMin), Usd(i.MonthlyAtMax), i.Basis }));
        rows.Add(["total", Usd(cost.MonthlyAtMin), Usd(cost.MonthlyAtMax), "every autoscaler at its minimum / at its maximum"]);
        var widths = Enumerable.Range(0, 3).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows)
        {
            b.AppendLine($"  {r[0].PadRight(widths[0])}  {r[1].PadLeft(widths[1])}  {r[2].PadLeft(widths[2])}  {r[3]}".TrimEnd());
        }

        b.AppendLine("  not counted: data transfer, load balancer, EKS control plane, NAT, snapshots and backups beyond the free allowance, the init Job, add-on charts");
        foreach (var u in cost.Unconfirmed)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"  unconfirmed price used: {u}");
        }

        return b.ToString();
    }

    /// <summary>The <c>cost</c> object of <c>plan --json</c>.</summary>
    public static JsonObject Json(StackCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new JsonObject
        {
            ["currency"] = cost.Currency,
            ["region"] = cost.Region,
            ["pricesAsOf"] = cost.PricesAsOf,
            ["hoursPerMonth"] = CostModel.HoursPerMonth,
            ["nodeType"] = cost.NodeType,
            ["discountPercent"] = cost.DiscountPercent,
            ["monthlyAtMin"] = cost.MonthlyAtMin,
            ["monthlyAtMax"] = cost.MonthlyAtMax,
            ["items"] = new JsonArray(cost.Items.Select(i => (JsonNode)new JsonObject
            {
                ["name"] = i.Name,
                ["monthlyAtMin"] = i.MonthlyAtMin,
                ["monthlyAtMax"] = i.MonthlyAtMax,
                ["basis"] = i.Basis,
            }).ToArray()),
            ["unconfirmed"] = new JsonArray(cost.Unconfirmed.Select(u => (JsonNode)JsonValue.Create(u)).ToArray()),
        };
    }

    /// <summary>
    /// How the monthly cost moves from one stack to another, at the minimum and at the maximum, with
    /// every item that changes; a side that could not be priced says why instead of a number.
    /// </summary>
    public static string Diff(CostOutcome before, CostOutcome after, string beforeName, string afterName)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var b = new StringBuilder();
        if (before.Cost is not { } x || after.Cost is not { } y)
        {
            b.AppendLine("**Monthly cost**: not compared.");
            foreach (var (name, side) in new[] { (beforeName, before), (afterName, after) })
            {
                b.AppendLine(side.Cost is { } c
                    ? $"- {name}: {Usd(c.MonthlyAtMin)} at the minimum, {Usd(c.MonthlyAtMax)} at the maximum ({c.Region}, prices as of {c.PricesAsOf})"
                    : $"- {name}: not priced: {side.Problem}");
            }

            return b.ToString();
        }

        b.AppendLine(CultureInfo.InvariantCulture,
            $"**Monthly cost** ({y.Currency}, {y.Region} list prices as of {y.PricesAsOf}): at the autoscalers' minimum {Usd(x.MonthlyAtMin)} → {Usd(y.MonthlyAtMin)} ({Usd(y.MonthlyAtMin - x.MonthlyAtMin, signed: true)}); at their maximum {Usd(x.MonthlyAtMax)} → {Usd(y.MonthlyAtMax)} ({Usd(y.MonthlyAtMax - x.MonthlyAtMax, signed: true)})");
        if (x.Region != y.Region || x.NodeType != y.NodeType || x.DiscountPercent != y.DiscountPercent)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"(priced differently: {beforeName} in {x.Region} on {x.NodeType} −{x.DiscountPercent} %, {afterName} in {y.Region} on {y.NodeType} −{y.DiscountPercent} %)");
        }

        var old = x.Items.ToDictionary(i => i.Name);
        var now = y.Items.ToDictionary(i => i.Name);
        var changed = y.Items.Select(i => i.Name).Concat(x.Items.Select(i => i.Name).Where(n => !now.ContainsKey(n)))
            .Where(n => !old.TryGetValue(n, out var o) || !now.TryGetValue(n, out var m) || o.MonthlyAtMin != m.MonthlyAtMin || o.MonthlyAtMax != m.MonthlyAtMax)
            .ToList();
        if (changed.Count == 0)
        {
            b.AppendLine();
            b.AppendLine("No cost item changes.");
            return b.ToString();
        }

        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"| cost item | at min: {beforeName} | {afterName} | at max: {beforeName} | {afterName} |");
        b.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var n in changed)
        {
            string Cell(Dictionary<string, CostItem> d, Func<CostItem, decimal> pick) => d.TryGetValue(n, out var i) ? Usd(pick(i)) : "—";
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| `{n}` | {Cell(old, i => i.MonthlyAtMin)} | {Cell(now, i => i.MonthlyAtMin)} | {Cell(old, i => i.MonthlyAtMax)} | {Cell(now, i => i.MonthlyAtMax)} |");
        }

        return b.ToString();
    }
}
