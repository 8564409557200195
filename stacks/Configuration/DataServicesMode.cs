namespace Superset.Configuration;

/// <summary>Where the metadata database, broker and cache run.</summary>
public enum DataServicesMode
{
    /// <summary>PostgreSQL and two Redis instances as pods in the cluster (the dev stack: no AWS account).</summary>
    InCluster,

    /// <summary>RDS PostgreSQL and two ElastiCache replication groups (the prod stack).</summary>
    Aws,

    /// <summary>An existing PostgreSQL and Redis the team provides (database.host, redis.broker.host, …).</summary>
    External,
}
