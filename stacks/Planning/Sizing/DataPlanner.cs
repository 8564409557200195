using Superset.Catalog;
using Superset.Configuration;

namespace Superset.Planning.Sizing;

/// <summary>Plans the metadata database's connection budget and the two Redis.</summary>
public static class DataPlanner
{
    /// <summary>
    /// The sizing article's pitfall 2 (docs/sources/worker-sizing.md): size the pools so Superset uses at most 60–70 % of max_connections, counted
    /// with every HPA at its maximum and a rollout's surge pods on top.
    /// </summary>
    public static DatabasePlan Database(StackSettings settings, WebPlan web, IReadOnlyList<PoolPlan> pools, List<SettingsError> errors)
    {
        var db = settings.Database;
        var uses = new List<ConnectionUse>
        {
            new("web", $"{web.Autoscaler.Replicas.Max} pods × {web.GunicornWorkers} processes × ({web.DbPool.PoolSize} pool + {web.DbPool.MaxOverflow} overflow)",
                web.Autoscaler.Replicas.Max * web.DbConnectionsPerPod),
        };
        uses.AddRange(pools.Select(p => new ConnectionUse($"worker-{p.Name}",
            $"{p.Replicas.Max} pods × {p.Concurrency} children × {Planner.WorkerChildDbConnections}", p.Replicas.Max * p.DbConnectionsPerPod)));

        var surge = Surge(web.Autoscaler.Replicas.Max) * web.DbConnectionsPerPod + pools.Sum(p => Surge(p.Replicas.Max) * p.DbConnectionsPerPod);
        uses.Add(new ConnectionUse("rollout surge", $"{Planner.RolloutSurge:P0} more pods of each Deployment during a rolling update", surge));
        uses.Add(new ConnectionUse("beat", "one scheduler", Planner.BeatDbConnections));
        uses.Add(new ConnectionUse("init", "migrations and superset init", Planner.InitDbConnections));
        uses.Add(new ConnectionUse("other clients", "database.otherClients", db.OtherClients));
        var atMax = uses.Sum(u => u.Connections);

        int maxConnections;
        string source;
        if (db.MaxConnections is int configured)
        {
            (maxConnections, source) = (configured, "config");
        }
        else if (settings.DataServices == DataServicesMode.Aws)
        {
            (maxConnections, source) = (RdsInstanceClasses.DefaultMaxConnections(RdsInstanceClasses.MemoryGiB(db.InstanceClass) ?? 0), "rds-default");
        }
        else
        {
            (maxConnections, source) = ((int)Math.Min(int.MaxValue, RdsInstanceClasses.ConnectionsForMemory(db.MemoryMi)), "memory");
        }

        var budget = (int)decimal.Floor(maxConnections * db.BudgetFraction);
        if (atMax > budget)
        {
            var biggest = uses.Take(1 + pools.Count).OrderByDescending(u => u.Connections).First();
            var lever = biggest.Consumer == "web" ? "web.maxReplicas" : $"queues.{biggest.Consumer["worker-".Length..]}.maxReplicas";
            var need = (int)decimal.Ceiling(atMax / db.BudgetFraction);
            var (key, value, fix) = source switch
            {
                "config" => ("superset:database.maxConnections", maxConnections.ToString(), $"at least {need}"),
                "rds-default" => ("superset:database.instanceClass", db.InstanceClass,
                    RdsInstanceClasses.SmallestHolding(need, RdsInstanceClasses.Family(db.InstanceClass)) is { } bigger
                        ? $"{bigger} or larger (default max_connections ≥ {need})"
                        : $"a class whose max_connections is at least {need} (set database.maxConnections in a parameter group)"),
                _ => ("superset:database.memoryMi", db.MemoryMi.ToString(),
                    $"at least {(int)decimal.Ceiling(need * (decimal)RdsInstanceClasses.BytesPerConnection / (1024m * 1024m))} (max_connections ≥ {need})"),
            };
            errors.Add(new SettingsError(key, value,
                $"{fix}: at full scale Superset opens {atMax} connections, above {db.BudgetFraction:P0} of max_connections {maxConnections} = {budget} (the sizing article's pitfall 2); or lower {lever} (largest user: {biggest.Consumer}, {biggest.Connections})"));
        }

        return new DatabasePlan(maxConnections, source, budget, atMax, uses,
            settings.DataServices == DataServicesMode.Aws ? db.InstanceClass : null,
            settings.DataServices == DataServicesMode.InCluster ? db.MemoryMi : null) { External = db.External };
    }

    private static int Surge(int replicas) => (int)decimal.Ceiling(replicas * Planner.RolloutSurge);

    /// <summary>
    /// maxmemory below the container limit (in-cluster) or the node's maxmemory (AWS), less the
    /// reserved share that a fork for persistence, replication buffers and fragmentation need
    /// (ElastiCache docs, "Managing reserved memory": 25 % recommended).
    /// </summary>
    public static RedisPlan Redis(RedisRole role, RedisRoleSettings r, StackSettings settings)
    {
        var usableShare = (100 - r.ReservedMemoryPercent) / 100m;
        if (settings.DataServices == DataServicesMode.External)
        {
            // The team's own Redis: its maxmemory is the team's (docs/external-data.md, "What the team provides").
            return new RedisPlan(role, 0, null, null, r.ReservedMemoryPercent, null) { External = r.External, Shared = settings.Redis.Shared };
        }

        if (settings.DataServices == DataServicesMode.Aws)
        {
            var gib = ElastiCacheNodeTypes.MaxMemoryGiB(r.NodeType) ?? 0m;
            return new RedisPlan(role, (long)decimal.Floor(gib * 1024m * 1024m * 1024m * usableShare), null, r.NodeType, r.ReservedMemoryPercent,
                CacheNodesPerGroup(settings.Aws));
        }

        return new RedisPlan(role, (long)decimal.Floor(r.MemoryMi * 1024m * 1024m * usableShare), r.MemoryMi, null, r.ReservedMemoryPercent, null);
    }

    /// <summary>
    /// Nodes of each ElastiCache replication group: a primary, and with Multi-AZ a replica in another
    /// zone that automatic failover promotes (AWS ElastiCache docs, "Minimizing downtime with Multi-AZ":
    /// Multi-AZ needs at least one replica).
    /// </summary>
    public static int CacheNodesPerGroup(AwsSettings aws)
    {
        ArgumentNullException.ThrowIfNull(aws);
        return aws.MultiAz ? 2 : 1;
    }
}
