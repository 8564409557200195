using Superset.Planning.Network;

namespace Superset.Planning.Topology;

/// <summary>
/// Every kind of pod this program can deploy, declared once: the components build their
/// Deployments, Services, probes and ServiceMonitors from these names and ports, and the
/// topology derives the NetworkPolicies from the same entries.
/// </summary>
public static class Workloads
{
    /// <summary>The port gunicorn listens on (Superset's default, 8088).</summary>
    public const int GunicornPort = 8088;

    /// <summary>The Redis port (Redis' default).</summary>
    public const int RedisPort = 6379;

    /// <summary>celery-exporter's default port (danihodovic/celery-exporter src/cli.py@v0.12.2 --port, default 9808).</summary>
    public const int CeleryExporterPort = 9808;

    /// <summary>Port name of every metrics endpoint (what the ServiceMonitors scrape).</summary>
    public const string MetricsPortName = "metrics";

    /// <summary>gunicorn: the Service listens on 80, the container on gunicorn's bind port.</summary>
    public static readonly Workload Web = new("web", "superset-web", [new("http", GunicornPort, 80)], "Superset web (gunicorn)");

    /// <summary>The Celery worker pools (one Deployment per queue, told apart by the queue label): they serve nothing.</summary>
    public static readonly Workload Worker = new("worker", null, [], "Celery workers, every pool");

    /// <summary>Celery beat: serves nothing.</summary>
    public static readonly Workload Beat = new("beat", null, [], "Celery beat");

    /// <summary>The init Job (migrations, roles): serves nothing.</summary>
    public static readonly Workload Init = new("init", null, [], "init Job");

    /// <summary>In-cluster PostgreSQL (dev).</summary>
    public static readonly Workload Postgres = new("postgresql", "superset-postgresql", [new("postgresql", 5432, 5432)], "PostgreSQL (metadata database)");

    /// <summary>redis_exporter's port, a sidecar of each in-cluster Redis or a Deployment per ElastiCache group (oliver006/redis_exporter's default :9121).</summary>
    public const int RedisExporterPort = 9121;

    /// <summary>An in-cluster Redis of one role, with its redis_exporter sidecar.</summary>
    public static Workload Redis(string role) => new($"redis-{role}", $"superset-redis-{role}",
        [new("redis", RedisPort, RedisPort), new(MetricsPortName, RedisExporterPort, RedisExporterPort, Metrics: true)], $"Redis {role}");

    /// <summary>A redis_exporter Deployment watching the ElastiCache group of one role, under the in-cluster names (the alerts read one set of names).</summary>
    public static Workload RedisExporter(string role) => new($"redis-{role}", $"superset-redis-{role}",
        [new(MetricsPortName, RedisExporterPort, RedisExporterPort, Metrics: true)], $"redis_exporter of the ElastiCache {role}");

    /// <summary>celery-exporter, on the port its command line sets (CeleryExporterCommand, src/cli.py@v0.12.2).</summary>
    public static readonly Workload CeleryExporter = new("celery-exporter", "superset-celery-exporter",
        [new(MetricsPortName, CeleryExporterPort, CeleryExporterPort, Metrics: true)], "celery-exporter");

    /// <summary>postgres_exporter (prometheus-community/postgres_exporter's default port 9187).</summary>
    public static readonly Workload PostgresExporter = new("postgres-exporter", "superset-postgres-exporter",
        [new(MetricsPortName, 9187, 9187, Metrics: true)], "postgres_exporter");

    /// <summary>Flower (mher/flower's default port 5555).</summary>
    public static readonly Workload Flower = new("flower", "superset-flower", [new("http", 5555, 5555)], "Flower");

    /// <summary>superset-websocket (its default PORT 8080).</summary>
    public static readonly Workload Websocket = new("websocket", "superset-websocket", [new("ws", 8080, 8080)], "superset-websocket");
}
