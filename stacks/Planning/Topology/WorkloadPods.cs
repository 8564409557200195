namespace Superset.Planning.Topology;

/// <summary>
/// Every long-running pod a stack declares, with its requests and its count at the autoscalers'
/// minimum and maximum. Web, workers and beat come from the plan; the fixed shapes below are the
/// ones the components declare (they read them from here), and Superset.Infra.Tests renders the
/// program and fails if any Deployment or StatefulSet differs from this list. The init Job runs
/// only during a rollout and is not priced.
/// </summary>
public static class WorkloadPods
{
    /// <summary>celery-exporter: components/Kubernetes/CeleryExporter.cs, Resources(100, 256).</summary>
    public static PodGroup CeleryExporter { get; } = new("celery-exporter", 100, 256, 1, 1);

    /// <summary>postgres_exporter: components/Kubernetes/PostgresExporter.cs, Resources(50, 128).</summary>
    public static PodGroup PostgresExporter { get; } = new("postgres-exporter", 50, 128, 1, 1);

    /// <summary>redis_exporter per ElastiCache group (AWS): components/Kubernetes/RedisExporter.cs, Resources(50, 64).</summary>
    public const int RedisExporterCpuMillis = 50;

    /// <summary>Memory of a redis_exporter, standalone or as the in-cluster Redis pod's <c>metrics</c> sidecar.</summary>
    public const int RedisExporterMemoryMi = 64;

    /// <summary>The in-cluster Redis container's CPU: components/Kubernetes/RedisServer.cs, Resources(250, memoryMi).</summary>
    public const int RedisCpuMillis = 250;

    /// <summary>The broker's volume (noeviction: persistent): RedisServerArgs.VolumeSize "2Gi". The cache has none.</summary>
    public const int RedisBrokerVolumeGi = 2;

    /// <summary>The in-cluster PostgreSQL container's CPU: components/Kubernetes/PostgresServer.cs, Resources(500, memoryMi).</summary>
    public const int PostgresCpuMillis = 500;

    /// <summary>PostgreSQL's volume: PostgresServerArgs.VolumeSize "10Gi".</summary>
    public const int PostgresVolumeGi = 10;

    /// <summary>Flower: components/Kubernetes/Flower.cs, Resources(100, 256), one replica.</summary>
    public static PodGroup Flower { get; } = new("flower", 100, 256, 1, 1);

    /// <summary>superset-websocket: components/Kubernetes/WebsocketServer.cs, Resources(100, 256), 2 replicas.</summary>
    public static PodGroup Websocket { get; } = new("websocket", 100, 256, 2, 2);

    /// <summary>The pods of a stack, in the order the cost table lists them.</summary>
    public static IReadOnlyList<PodGroup> Of(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var topology = TopologyBuilder.For(plan);
        var pods = new List<PodGroup> { new("web", plan.Web.Pod.CpuMillis, plan.Web.Pod.MemoryMi, plan.Web.Autoscaler.Replicas.Min, plan.Web.Autoscaler.Replicas.Max) };
        pods.AddRange(plan.Queues.Select(q => new PodGroup($"worker-{q.Name}", q.Pod.CpuMillis, q.Pod.MemoryMi, q.Replicas.Min, q.Replicas.Max)));
        pods.Add(new PodGroup("beat", plan.Beat.Pod.CpuMillis, plan.Beat.Pod.MemoryMi, plan.Beat.Replicas, plan.Beat.Replicas));
        // The optional workloads: those the topology says the stack deploys.
        if (topology.Has(Workloads.Websocket.Component))
        {
            pods.Add(Websocket);
        }

        if (topology.Has(Workloads.Flower.Component))
        {
            pods.Add(Flower);
        }

        if (topology.Has(Workloads.CeleryExporter.Component))
        {
            pods.Add(CeleryExporter);
            pods.Add(PostgresExporter);
            if (plan.OnAws)
            {
                pods.AddRange(new[] { "broker", "cache" }.Select(role =>
                    new PodGroup($"redis-{role}-exporter", RedisExporterCpuMillis, RedisExporterMemoryMi, 1, 1)));
            }
        }

        if (!plan.OnAws)
        {
            var db = plan.Database.MemoryMi ?? throw new ArgumentException("an in-cluster plan has the database's memory", nameof(plan));
            pods.Add(new PodGroup("postgresql", PostgresCpuMillis, db, 1, 1, PostgresVolumeGi));
            // Each Redis pod: the server and its redis_exporter sidecar (always declared).
            foreach (var redis in new[] { plan.Broker, plan.Cache })
            {
                var memory = (redis.MemoryMi ?? 0) + RedisExporterMemoryMi;
                pods.Add(new PodGroup($"redis-{redis.Name}", RedisCpuMillis + RedisExporterCpuMillis, memory, 1, 1,
                    redis.Persistent ? RedisBrokerVolumeGi : 0));
            }
        }

        return pods;
    }
}
