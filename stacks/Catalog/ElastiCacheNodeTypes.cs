namespace Superset.Catalog;

/// <summary>
/// The maxmemory ElastiCache gives each node type (AWS ElastiCache user guide, "Redis OSS
/// node-type specific parameters", the <c>maxmemory</c> column, in GiB). The usable memory is
/// that less <c>reserved-memory-percent</c>.
/// </summary>
public static class ElastiCacheNodeTypes
{
    private static readonly Dictionary<string, decimal> Types = new(StringComparer.Ordinal)
    {
        ["cache.t4g.micro"] = 0.5m,
        ["cache.t4g.small"] = 1.37m,
        ["cache.t4g.medium"] = 3.09m,
        ["cache.m7g.large"] = 6.38m,
        ["cache.m7g.xlarge"] = 12.93m,
        ["cache.m7g.2xlarge"] = 26.04m,
        ["cache.m7g.4xlarge"] = 52.26m,
        ["cache.r7g.large"] = 13.07m,
        ["cache.r7g.xlarge"] = 26.32m,
        ["cache.r7g.2xlarge"] = 52.82m,
        ["cache.r7g.4xlarge"] = 105.81m,
    };

    /// <summary>The types known, for error messages.</summary>
    public static string Known { get; } = string.Join(", ", Types.Keys);

    /// <summary>Every node type this plan can size (the cost model's price table covers each).</summary>
    public static IEnumerable<string> All => Types.Keys;

    /// <summary>The node type's maxmemory in GiB, or null when unknown.</summary>
    public static decimal? MaxMemoryGiB(string nodeType) => Types.TryGetValue(nodeType, out var gib) ? gib : null;
}
