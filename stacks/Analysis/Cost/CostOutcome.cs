using Superset.Configuration;
using Superset.Planning;

namespace Superset.Analysis.Cost;

/// <summary>
/// A stack's cost, or why it has none: where pricing is secondary (the base side of a diff, the
/// money column of <c>simulate</c>) a stack without prices still shows everything else.
/// </summary>
/// <param name="Cost">The cost, or null.</param>
/// <param name="Problem">Why there is no cost (every key that has no price), or null.</param>
public sealed record CostOutcome(StackCost? Cost, string? Problem)
{
    /// <summary>Prices the plan, capturing a pricing problem instead of throwing it.</summary>
    public static CostOutcome Of(StackPlan plan, string origin)
    {
        try
        {
            return new CostOutcome(CostModel.Price(plan, origin), null);
        }
        catch (SettingsException ex)
        {
            return new CostOutcome(null, string.Join("; ", ex.Errors.Select(e => e.ToString())));
        }
    }
}
