namespace Superset.Catalog.TimeZones;

/// <summary>
/// The IANA time zone names KEDA's cron trigger can load (<c>zones.txt</c>, embedded: the Zone and Link
/// names of IANA tz database release 2025b). The trigger calls Go's <c>time.LoadLocation</c> with its
/// <c>timezone</c> at every read and fails the read on an unknown name (kedacore/keda
/// pkg/scalers/cron_scaler.go@v2.20.2, GetMetricsAndActivity: "unable to load timezone"), so a name
/// outside this list would leave the floor off at run time, after the deploy succeeded.
/// </summary>
public static class TimeZoneNames
{
    /// <summary>Every name, in order (case matters: Go opens the zone file of that name).</summary>
    public static IReadOnlyList<string> All { get; } = Read();

    private static readonly HashSet<string> Set = new(All, StringComparer.Ordinal);

    /// <summary>Whether a name is one of the database's.</summary>
    public static bool IsKnown(string name) => name is not null && Set.Contains(name);

    private static List<string> Read()
    {
        using var stream = typeof(TimeZoneNames).Assembly.GetManifestResourceStream("Superset.Catalog.TimeZones.zones.txt")
            ?? throw new InvalidOperationException("zones.txt is not embedded in Superset.Catalog");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }
}
