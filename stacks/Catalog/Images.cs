namespace Superset.Catalog;

/// <summary>
/// Every container image, pinned by tag in this one place (dotnet/aspire keeps its
/// <c>RedisContainerImageTags</c> the same way). Upgrading Superset is a one-line change here,
/// reviewed like any other.
/// </summary>
public static class Images
{
    /// <summary>
    /// Apache Superset's official image, the <c>dev</c> build preset: the default (<c>lean</c>) tags
    /// carry no database driver, not even psycopg2 for the metadata database (Superset docs, "Docker
    /// builds"). For production build <c>docker/Dockerfile</c> (lean + psycopg2-binary) and set
    /// <c>superset:image</c>.
    /// </summary>
    public const string Superset = "apache/superset:5.0.0-dev";

    /// <summary>PostgreSQL for the in-cluster metadata database (dev): the major version RDS runs in prod.</summary>
    public const string Postgres = "postgres:16.4-alpine";

    /// <summary>Redis for the in-cluster broker and cache (dev); ElastiCache runs Redis OSS 7 in prod.</summary>
    public const string Redis = "redis:7.4.1-alpine";

    /// <summary>
    /// Redis metrics (memory against maxmemory, evictions, clients): oliver006/redis_exporter, a
    /// sidecar of each in-cluster Redis and a Deployment per ElastiCache group. The alpine variant
    /// carries the CA certificates that verify ElastiCache's TLS.
    /// </summary>
    public const string RedisExporter = "oliver006/redis_exporter:v1.67.0-alpine";

    /// <summary>
    /// Celery queue and task metrics for the autoscaler and alerts (danihodovic/celery-exporter
    /// v0.12.2, published to ghcr.io by its push-image-ghcr workflow with the tag's version).
    /// </summary>
    public const string CeleryExporter = "ghcr.io/danihodovic/celery-exporter:0.12.2";

    /// <summary>PostgreSQL connection metrics against max_connections (prometheus-community/postgres_exporter).</summary>
    public const string PostgresExporter = "quay.io/prometheuscommunity/postgres-exporter:v0.15.0";

    /// <summary>Flower, Celery's monitor (mher/flower, the image its README documents), when enabled.</summary>
    public const string Flower = "mher/flower:2.0.1";
}
