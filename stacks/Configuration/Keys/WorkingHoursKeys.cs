namespace Superset.Configuration.Keys;

/// <summary>
/// <c>queues.&lt;name&gt;.workingHours</c>: the hours a pool's users work, which KEDA's cron trigger turns
/// into a higher floor from shortly before they start to their end (kedacore/keda
/// pkg/scalers/cron_scaler.go@v2.20.2, cronMetadata: <c>timezone</c>, <c>start</c>, <c>end</c>,
/// <c>desiredReplicas</c>; start and end are five-field cron expressions parsed by robfig/cron v3.0.1,
/// which KEDA's go.mod@v2.20.2 pins).
/// </summary>
public static class WorkingHoursKeys
{
    /// <summary>The object's path.</summary>
    public const string Path = $"{QueueKeys.Entry}.workingHours";

    /// <summary>A time of day, 24 hours, minutes always given (07:00, 7:00, 18:30).</summary>
    public const string TimeOfDay = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$";

    /// <summary>
    /// The cron day-of-week field we write: <c>*</c>, or a comma-separated list of day names and ranges
    /// of them. robfig/cron v3.0.1 reads a field as ranges split on commas, each a value or
    /// <c>low-high</c>, and a day by its number 0–6 or its three-letter name, sun = 0 to sat = 6, in any
    /// case (spec.go@v3.0.1, <c>dow</c> bounds; parser.go@v3.0.1, getField, getRange and parseIntOrName);
    /// we take the lowercase names only, which read the same in any cron.
    /// </summary>
    public const string DaysPattern = "^(\\*|(sun|mon|tue|wed|thu|fri|sat)(-(sun|mon|tue|wed|thu|fri|sat))?(,(sun|mon|tue|wed|thu|fri|sat)(-(sun|mon|tue|wed|thu|fri|sat))?)*)$";

    /// <summary>The day names in robfig/cron's order (sun = 0 … sat = 6, spec.go@v3.0.1).</summary>
    public static IReadOnlyList<string> DayNames { get; } = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The days when none are given.</summary>
    public const string DefaultDays = "mon-fri";

    /// <summary>The object.</summary>
    public static readonly ConfigKey Object = Define.Object(Path,
        "The hours this pool's users work: KEDA's cron trigger raises the pool's floor to workingHours.minReplicas from a few minutes before start to end (engine keda).") with
    {
        InertWhen = Applies.WithKedaSchedule,
    };

    /// <summary><c>timezone</c>: the pattern here, the name checked against the tz database by the reader (which suggests the nearest).</summary>
    public static readonly ConfigKey TimeZone = Define.Text($"{Path}.timezone", "^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$",
        "IANA time zone of start and end (the cron trigger's timezone), e.g. Europe/Paris.",
        "an IANA time zone name of the tz database (2025b), e.g. Europe/Paris, America/New_York or UTC; case matters", null) with
    {
        MaxLength = 64, DefaultText = "none (required in workingHours)", QueueSetting = q => q.Autoscaler.WorkingHours?.TimeZone,
    };

    /// <summary><c>start</c>.</summary>
    public static readonly ConfigKey Start = Define.Text($"{Path}.start", TimeOfDay,
        "When the working hours start, HH:MM in the time zone; the floor rises 5 minutes earlier.",
        "a time of day as HH:MM, 24 hours, e.g. 07:00", null) with
    {
        DefaultText = "none (required in workingHours)", QueueSetting = q => q.Autoscaler.WorkingHours is { } h ? Clock(h.StartMinute) : null,
    };

    /// <summary><c>end</c>.</summary>
    public static readonly ConfigKey End = Define.Text($"{Path}.end", TimeOfDay,
        "When they end, HH:MM in the time zone, after start on the same day; the floor falls then.",
        "a time of day as HH:MM, 24 hours, after start, e.g. 19:00", null) with
    {
        DefaultText = "none (required in workingHours)", QueueSetting = q => q.Autoscaler.WorkingHours is { } h ? Clock(h.EndMinute) : null,
    };

    /// <summary><c>days</c>.</summary>
    public static readonly ConfigKey Days = Define.Text($"{Path}.days", DaysPattern,
        "The days they apply, as cron's day-of-week field with day names: mon-fri, mon,wed,fri, mon-fri,sun, or * (every day).",
        "* or day names (sun mon tue wed thu fri sat) and ranges of them in that order, separated by commas, e.g. mon-fri or mon-thu,sat (a range runs from sun to sat: sat-sun is written sat,sun)", null) with
    {
        Check = DaysInOrder, MaxLength = 64, DefaultText = DefaultDays, QueueSetting = q => q.Autoscaler.WorkingHours?.Days,
    };

    /// <summary><c>minReplicas</c>.</summary>
    public static readonly ConfigKey MinReplicas = Define.QueueInt("workingHours.minReplicas", (1, 1000),
        "The pool's floor during the working hours (the cron trigger's desiredReplicas): above the pool's minReplicas, at most its maxReplicas.",
        q => q.Autoscaler.WorkingHours?.Replicas, (q, _) => q,
        " (the pool's floor during the working hours: above its minReplicas, at most its maxReplicas)") with
    {
        QueueUpdate = null, DefaultText = "none (required in workingHours)",
    };

    /// <summary>Minutes after midnight as HH:MM.</summary>
    public static string Clock(int minute) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    /// <summary>Minutes after midnight of an HH:MM text the pattern accepts.</summary>
    public static int MinuteOf(string clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var parts = clock.Split(':');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>robfig/cron refuses a range whose start is beyond its end (parser.go@v3.0.1, getRange: "beginning of range beyond end of range").</summary>
    private static bool DaysInOrder(string days) =>
        days == "*" || days.Split(',').All(r => r.Split('-') is var d && (d.Length == 1 || IndexOf(d[0]) <= IndexOf(d[1])));

    private static int IndexOf(string day) => DayNames.ToList().IndexOf(day);
}
