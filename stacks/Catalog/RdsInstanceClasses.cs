namespace Superset.Catalog;

/// <summary>
/// Memory of the RDS instance classes this plan can size, and RDS PostgreSQL's default
/// <c>max_connections</c>: <c>LEAST({DBInstanceClassMemory/9531392}, 5000)</c> (AWS RDS user guide,
/// "Maximum number of database connections").
/// </summary>
public static class RdsInstanceClasses
{
    /// <summary>The divisor of RDS PostgreSQL's max_connections default, bytes per connection.</summary>
    public const long BytesPerConnection = 9_531_392;

    /// <summary>RDS PostgreSQL's ceiling on the default max_connections.</summary>
    public const int DefaultCeiling = 5000;

    /// <summary>
    /// DBInstanceClassMemory is the class memory less what the OS and RDS keep; AWS does not publish
    /// it. The domain notes give about 413 connections on a 4 GiB class, i.e. ~92 % of nominal; we
    /// plan with 90 % so a derived max_connections is never above what RDS really allows.
    /// </summary>
    public const decimal UsableMemoryShare = 0.90m;

    // Nominal memory (GiB) per size, the same across the Graviton and Intel families listed
    // (AWS "DB instance class" hardware specifications).
    private static readonly Dictionary<string, decimal> BurstableSizes = new()
    {
        ["micro"] = 1, ["small"] = 2, ["medium"] = 4, ["large"] = 8, ["xlarge"] = 16, ["2xlarge"] = 32,
    };

    private static readonly Dictionary<string, decimal> GeneralSizes = new()
    {
        ["large"] = 8, ["xlarge"] = 16, ["2xlarge"] = 32, ["4xlarge"] = 64, ["8xlarge"] = 128, ["12xlarge"] = 192, ["16xlarge"] = 256,
    };

    private static readonly IReadOnlyDictionary<string, decimal> Classes = Build();

    /// <summary>The classes known, for error messages.</summary>
    public static string Known { get; } =
        "db.t4g/db.t3 (micro…2xlarge), db.m6g/db.m7g/db.m6i (large…16xlarge), db.r6g/db.r7g/db.r6i (large…16xlarge)";

    /// <summary>Every class this plan can size (the cost model's price table covers each).</summary>
    public static IEnumerable<string> All => Classes.Keys;

    /// <summary>Nominal memory of a class in GiB, or null when the plan does not know it.</summary>
    public static decimal? MemoryGiB(string instanceClass) =>
        Classes.TryGetValue(instanceClass, out var gib) ? gib : null;

    /// <summary>RDS's default max_connections for a database with this much nominal memory.</summary>
    public static int DefaultMaxConnections(decimal memoryGiB) =>
        (int)Math.Min(DefaultCeiling, ConnectionsForMemory(memoryGiB * 1024m * UsableMemoryShare));

    /// <summary>The same rule for a memory size in MiB, uncapped (in-cluster PostgreSQL).</summary>
    public static long ConnectionsForMemory(decimal memoryMi) =>
        (long)decimal.Floor(memoryMi * 1024m * 1024m / BytesPerConnection);

    /// <summary>The smallest known class whose default max_connections holds <paramref name="connections"/>.</summary>
    public static string? SmallestHolding(int connections, string family) =>
        Classes.Where(c => c.Key.StartsWith(family + ".", StringComparison.Ordinal) && DefaultMaxConnections(c.Value) >= connections)
            .OrderBy(c => c.Value).Select(c => c.Key).FirstOrDefault();

    /// <summary>The family part of a class name: <c>db.r6g.large</c> → <c>db.r6g</c>.</summary>
    public static string Family(string instanceClass) =>
        instanceClass.Count(c => c == '.') == 2 ? instanceClass[..instanceClass.LastIndexOf('.')] : instanceClass;

    private static Dictionary<string, decimal> Build()
    {
        var classes = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var family in new[] { "db.t4g", "db.t3" })
        {
            foreach (var (size, gib) in BurstableSizes)
            {
                classes[$"{family}.{size}"] = gib;
            }
        }

        foreach (var family in new[] { "db.m6g", "db.m7g", "db.m6i" })
        {
            foreach (var (size, gib) in GeneralSizes)
            {
                classes[$"{family}.{size}"] = gib;
            }
        }

        // Memory-optimised classes have twice the memory of general purpose at the same size.
        foreach (var family in new[] { "db.r6g", "db.r7g", "db.r6i" })
        {
            foreach (var (size, gib) in GeneralSizes)
            {
                classes[$"{family}.{size}"] = gib * 2;
            }
        }

        return classes;
    }
}
