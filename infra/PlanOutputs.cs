using System.Collections.Immutable;
using System.Text.Json;
using Superset.Artifacts;
using Superset.Planning;

namespace Superset.Infra;

/// <summary>
/// The plan as a stack output value: the same JSON that <c>plan --json</c> prints, as the
/// dictionaries, lists and numbers Pulumi serializes, so <c>pulumi preview</c> and
/// <c>pulumi stack output plan</c> show the sizing.
/// </summary>
internal static class PlanOutputs
{
    public static object? From(StackPlan plan)
    {
        using var doc = JsonDocument.Parse(PlanDocument.Json(plan));
        return Convert(doc.RootElement);
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToImmutableDictionary(p => p.Name, p => Convert(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToImmutableArray(),
        // Pulumi numbers are doubles; whole numbers stay ints so outputs read 4, not 4.0.
        JsonValueKind.Number => e.TryGetInt32(out var i) ? i : e.GetDouble(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
