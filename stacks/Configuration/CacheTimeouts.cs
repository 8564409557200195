namespace Superset.Configuration;

/// <summary>Cache timeouts per kind of data (the memory article, docs/sources/memory-pressure.md, "Redis Configuration for Superset").</summary>
/// <param name="MetadataSeconds">CACHE_CONFIG: dashboards' and charts' metadata.</param>
/// <param name="DataSeconds">DATA_CACHE_CONFIG: chart query results.</param>
public sealed record CacheTimeouts(int MetadataSeconds, int DataSeconds);
