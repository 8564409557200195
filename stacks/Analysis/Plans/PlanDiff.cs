using System.Globalization;
using System.Text;
using System.Text.Json;
using Superset.Artifacts;
using Superset.Planning;

namespace Superset.Analysis.Plans;

/// <summary>One computed size that differs between two plans; null on the side where it does not exist.</summary>
public sealed record PlanChange(string Key, string? Before, string? After);

/// <summary>
/// How a config change moves every computed size: the two plans flattened to keys and compared.
/// What a reviewer of a sizing pull request reads next to the Pulumi preview.
/// </summary>
public static class PlanDiff
{
    /// <summary>Keys whose value differs, was added or was removed, in the after plan's order.</summary>
    public static IReadOnlyList<PlanChange> Compare(StackPlan before, StackPlan after)
    {
        var a = Sizes(before).ToDictionary(kv => kv.Key, kv => kv.Value);
        var b = Sizes(after);
        var changes = new List<PlanChange>();
        foreach (var (key, value) in b)
        {
            a.TryGetValue(key, out var old);
            if (old != value)
            {
                changes.Add(new PlanChange(key, old, value));
            }
        }

        var afterKeys = b.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(Sizes(before).Where(kv => !afterKeys.Contains(kv.Key)).Select(kv => new PlanChange(kv.Key, kv.Value, null)));
        return changes;
    }

    // The breakdown's formula text restates numbers that already appear as their own keys.
    private static List<KeyValuePair<string, string>> Sizes(StackPlan plan) =>
        PlanDocument.Flatten(plan).Where(kv => !kv.Key.EndsWith(".formula", StringComparison.Ordinal)).ToList();

    /// <summary>The changes as a Markdown table (it reads as plain text too, and renders in a pull-request comment).</summary>
    public static string Table(StackPlan before, StackPlan after, string beforeName, string afterName)
    {
        var changes = Compare(before, after);
        var b = new StringBuilder();
        if (changes.Count == 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"No computed size differs between {beforeName} and {afterName}.");
            return b.ToString();
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"| computed size | {beforeName} | {afterName} |");
        b.AppendLine("|---|---:|---:|");
        foreach (var c in changes)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"| `{c.Key}` | {c.Before ?? "—"} | {c.After ?? "—"} |");
        }

        return b.ToString();
    }

    /// <summary>
    /// The changes as JSON; with both costs, the monthly totals and items that move come first, as
    /// <c>cost.monthlyAtMin</c>, <c>cost.items[web].monthlyAtMax</c> and so on.
    /// </summary>
    public static string Json(StackPlan before, StackPlan after, Cost.StackCost? costBefore = null, Cost.StackCost? costAfter = null)
    {
        var changes = new List<PlanChange>();
        if (costBefore is not null && costAfter is not null)
        {
            var old = CostValues(costBefore).ToDictionary(kv => kv.Key, kv => kv.Value);
            var now = CostValues(costAfter);
            changes.AddRange(now.Where(kv => !old.TryGetValue(kv.Key, out var o) || o != kv.Value)
                .Select(kv => new PlanChange(kv.Key, old.GetValueOrDefault(kv.Key), kv.Value)));
            var keys = now.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            changes.AddRange(old.Where(kv => !keys.Contains(kv.Key)).Select(kv => new PlanChange(kv.Key, kv.Value, null)));
        }

        changes.AddRange(Compare(before, after));
        return JsonSerializer.Serialize(changes, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true })
            + Environment.NewLine;
    }

    private static List<KeyValuePair<string, string>> CostValues(Cost.StackCost cost)
    {
        static string Text(decimal usd) => usd.ToString("0.00", CultureInfo.InvariantCulture);
        var values = new List<KeyValuePair<string, string>> { new("cost.monthlyAtMin", Text(cost.MonthlyAtMin)), new("cost.monthlyAtMax", Text(cost.MonthlyAtMax)) };
        foreach (var i in cost.Items)
        {
            values.Add(new($"cost.items[{i.Name}].monthlyAtMin", Text(i.MonthlyAtMin)));
            values.Add(new($"cost.items[{i.Name}].monthlyAtMax", Text(i.MonthlyAtMax)));
        }

        return values;
    }
}
