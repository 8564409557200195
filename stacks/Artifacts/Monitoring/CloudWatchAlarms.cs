using Superset.Planning;

namespace Superset.Artifacts.Monitoring;

/// <summary>What a CloudWatch alarm watches on RDS or ElastiCache.</summary>
public enum AwsTarget
{
    /// <summary>The RDS instance (dimension DBInstanceIdentifier).</summary>
    Database,

    /// <summary>Each node of the broker replication group (dimension CacheClusterId).</summary>
    Broker,

    /// <summary>Each node of the cache replication group (dimension CacheClusterId).</summary>
    Cache,
}

/// <summary>One CloudWatch alarm.</summary>
/// <param name="Name">Short name, unique per target.</param>
/// <param name="Target">What it watches.</param>
/// <param name="Namespace">CloudWatch namespace (AWS/RDS, AWS/ElastiCache).</param>
/// <param name="Metric">CloudWatch metric name.</param>
/// <param name="Statistic">Average, Maximum, Minimum or Sum.</param>
/// <param name="Comparison">CloudWatch comparison operator.</param>
/// <param name="Threshold">The value compared against.</param>
/// <param name="Description">What it means and what to do.</param>
public sealed record CloudWatchAlarm(string Name, AwsTarget Target, string Namespace, string Metric, string Statistic, string Comparison, double Threshold, string Description)
{
    /// <summary>Seconds per evaluation period.</summary>
    public const int PeriodSeconds = 300;

    /// <summary>Periods that must breach: 15 minutes, except evictions on the broker (one period).</summary>
    public int EvaluationPeriods => Name == "broker-evictions" ? 1 : 3;
}

/// <summary>
/// The AWS-side alarms, for what Prometheus cannot see of managed services: RDS CPU, free
/// storage and connections against the plan's max_connections; ElastiCache memory, CPU, and any
/// eviction on the broker. Metric names from the RDS and ElastiCache CloudWatch documentation.
/// </summary>
public static class CloudWatchAlarms
{
    /// <summary>The alarms of a plan on AWS; empty in the cluster.</summary>
    public static IReadOnlyList<CloudWatchAlarm> For(StackPlan plan, int allocatedStorageGb)
    {
        ArgumentNullException.ThrowIfNull(plan);
        const double GiB = 1024d * 1024 * 1024;
        return
        [
            new("db-cpu", AwsTarget.Database, "AWS/RDS", "CPUUtilization", "Average", "GreaterThanThreshold", 80,
                "Metadata database CPU above 80 % for 15 minutes: slow dashboards and Celery tasks. Look at Performance Insights' top SQL."),
            new("db-free-storage", AwsTarget.Database, "AWS/RDS", "FreeStorageSpace", "Minimum", "LessThanThreshold", Math.Round(allocatedStorageGb * GiB * 0.1),
                $"Less than 10 % of {allocatedStorageGb} GiB free. Storage autoscaling grows to 4x; if it is at its ceiling raise superset:aws.allocatedStorageGb, and prune the logs and query tables."),
            new("db-connections", AwsTarget.Database, "AWS/RDS", "DatabaseConnections", "Maximum", "GreaterThanThreshold", Math.Floor(plan.Database.MaxConnections * AlertThresholds.DatabaseConnectionRatio),
                $"Connections above 80 % of max_connections ({plan.Database.MaxConnections}); Superset's budget is {plan.Database.Budget}. Another client or leaking pools: `plan` shows the budget."),
            new("broker-memory", AwsTarget.Broker, "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "Maximum", "GreaterThanThreshold", AlertThresholds.BrokerMemoryRatio * 100,
                "Broker memory above 80 % of maxmemory: at 100 % it refuses new tasks (noeviction). Drain the backlog or raise superset:redis.broker.nodeType."),
            new("broker-evictions", AwsTarget.Broker, "AWS/ElastiCache", "Evictions", "Sum", "GreaterThanThreshold", 0,
                "The broker evicted keys: tasks are lost. Its parameter group must say maxmemory-policy noeviction."),
            new("broker-cpu", AwsTarget.Broker, "AWS/ElastiCache", "EngineCPUUtilization", "Average", "GreaterThanThreshold", 80,
                "Broker Redis engine CPU above 80 % (a single thread): every queue operation slows. Raise superset:redis.broker.nodeType."),
            new("cache-memory", AwsTarget.Cache, "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "Maximum", "GreaterThanThreshold", 95,
                "Cache memory above 95 % for 15 minutes: it evicts (allkeys-lru) and hit rates fall. Raise superset:redis.cache.nodeType if dashboards slow down."),
            new("cache-cpu", AwsTarget.Cache, "AWS/ElastiCache", "EngineCPUUtilization", "Average", "GreaterThanThreshold", 80,
                "Cache Redis engine CPU above 80 %: chart data reads slow down. Raise superset:redis.cache.nodeType."),
        ];
    }
}
