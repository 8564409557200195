using Superset.Catalog;
using Superset.Catalog.TimeZones;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads <c>queues.&lt;name&gt;.workingHours</c> (<see cref="WorkingHoursKeys"/>): every field but
/// <c>days</c> is required, and the hours start and end on the same day. How they sit with the pool's
/// bounds and the floor's lead is the planner's to check (PoolPlanner).
/// </summary>
internal static class WorkingHoursReader
{
    /// <summary>The working hours, or null (with the problems recorded) when a field is missing or invalid.</summary>
    public static WorkingHours? Read(ObjectReader r)
    {
        var timeZone = r.NullableString(WorkingHoursKeys.TimeZone);
        if (timeZone is not null && !TimeZoneNames.IsKnown(timeZone))
        {
            r.Fail(WorkingHoursKeys.TimeZone, $"{Suggestions.DidYouMean(timeZone, TimeZoneNames.All)}{WorkingHoursKeys.TimeZone.Expected}");
            timeZone = null;
        }

        var start = r.NullableString(WorkingHoursKeys.Start);
        var end = r.NullableString(WorkingHoursKeys.End);
        var days = r.String(WorkingHoursKeys.Days, WorkingHoursKeys.DefaultDays);
        var replicas = r.NullableInt(WorkingHoursKeys.MinReplicas);
        foreach (var key in new[] { WorkingHoursKeys.TimeZone, WorkingHoursKeys.Start, WorkingHoursKeys.End, WorkingHoursKeys.MinReplicas }.Where(k => !r.Has(k)))
        {
            r.Fail(key, $"{(key.Kind == Keys.ValueKind.Integer ? "a whole number" + key.Why : key.Expected)}: workingHours needs timezone, start, end and minReplicas (days defaults to {WorkingHoursKeys.DefaultDays})");
        }

        r.RejectUnknown();
        if (timeZone is null || start is null || end is null || replicas is null)
        {
            return null;
        }

        var (from, to) = (WorkingHoursKeys.MinuteOf(start), WorkingHoursKeys.MinuteOf(end));
        if (to <= from)
        {
            // KEDA itself takes an interval across midnight (cron_scaler.go@v2.20.2: "Interval spans
            // midnight"), but with days given the evening's start and the morning's end fall on different
            // days; hours that cross midnight are two pools' worth of schedule, not one.
            r.Fail(WorkingHoursKeys.End, $"a time after start ({start}) on the same day, e.g. {WorkingHoursKeys.Clock(Math.Min(from + 600, 23 * 60 + 59))}: working hours that cross midnight are not supported");
            return null;
        }

        return new WorkingHours(days, from, to, timeZone, replicas.Value);
    }
}
