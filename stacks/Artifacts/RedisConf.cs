using System.Globalization;
using System.Text;
using Superset.Planning;
using Superset.Planning.Workloads.Redis;

namespace Superset.Artifacts;

/// <summary>
/// redis.conf for the in-cluster broker and cache (the dev stack). On AWS the same two settings
/// (maxmemory-policy, reserved memory) go into ElastiCache parameter groups instead.
/// </summary>
public static class RedisConf
{
    /// <summary>The Redis port (<see cref="RedisWorkload.Port"/>).</summary>
    public const int Port = RedisWorkload.Port;

    /// <summary>
    /// The broker keeps every message: <c>noeviction</c> (an evicted message is a lost task, an
    /// evicted binding an <c>InconsistencyError</c>: Celery docs) and an append-only file, so a
    /// restarted broker pod still holds the queued tasks. The cache may lose anything: LRU eviction,
    /// no persistence. Neither takes RDB snapshots: a fork doubles memory at the worst moment.
    /// The password is not here: it is passed as <c>--requirepass</c> from a Secret.
    /// </summary>
    /// <param name="redis">The role's plan.</param>
    /// <param name="dataDirectory">Where the append-only file lives: the pod's volume.</param>
    public static string For(RedisPlan redis, string dataDirectory = "/data")
    {
        ArgumentNullException.ThrowIfNull(redis);
        var broker = redis.Persistent;
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"# Superset {redis.Name} Redis, generated from the plan: do not edit.");
        b.AppendLine(CultureInfo.InvariantCulture, $"port {Port}");
        b.AppendLine("bind 0.0.0.0");
        b.AppendLine("protected-mode yes");
        b.AppendLine(CultureInfo.InvariantCulture, $"maxmemory {redis.MaxMemoryBytes}");
        b.AppendLine(CultureInfo.InvariantCulture, $"maxmemory-policy {redis.MaxMemoryPolicy}");
        b.AppendLine("save \"\"");
        b.AppendLine(broker ? "appendonly yes" : "appendonly no");
        if (broker)
        {
            // At most a second of acknowledged publishes lost if the node itself dies (Redis docs, "Persistence").
            b.AppendLine("appendfsync everysec");
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"dir {dataDirectory}");
        // Idle client connections are kept: Celery workers hold theirs open between tasks.
        b.AppendLine("timeout 0");
        b.AppendLine("tcp-keepalive 60");
        return b.ToString();
    }
}
