namespace Superset.Configuration;

/// <summary>
/// The hours a pool's users work: KEDA's cron trigger raises the
/// pool's floor to <paramref name="Replicas"/> shortly before they start and lets it fall when they end.
/// </summary>
/// <param name="Days">A cron day-of-week field: <c>*</c> (every day) or a range such as <c>1-5</c> (Monday to Friday).</param>
/// <param name="StartMinute">Minutes after midnight the working hours start.</param>
/// <param name="EndMinute">Minutes after midnight they end.</param>
/// <param name="TimeZone">The IANA time zone the hours are in.</param>
/// <param name="Replicas">The floor during the working hours.</param>
public sealed record WorkingHours(string Days, int StartMinute, int EndMinute, string TimeZone, int Replicas);
