namespace Superset.Configuration;

/// <summary>
/// Where the AWS data tier goes (<c>dataServices: aws</c>): an existing VPC and EKS cluster, given by
/// stack config.
/// </summary>
public sealed record AwsSettings
{
    /// <summary>The VPC of the EKS cluster.</summary>
    public required string? VpcId { get; init; }

    /// <summary>Private subnets in at least two availability zones (Multi-AZ).</summary>
    public required IReadOnlyList<string> PrivateSubnetIds { get; init; }

    /// <summary>The security group of the cluster's nodes or pods: the only source admitted.</summary>
    public required string? ClientSecurityGroupId { get; init; }

    /// <summary>RDS PostgreSQL engine version (the in-cluster image runs the same major).</summary>
    public required string PostgresVersion { get; init; }

    /// <summary>RDS storage, GiB.</summary>
    public required int AllocatedStorageGb { get; init; }

    /// <summary>RDS automated backups, days.</summary>
    public required int BackupRetentionDays { get; init; }

    /// <summary>Standby database and cache replicas in a second zone, with automatic failover.</summary>
    public required bool MultiAz { get; init; }

    /// <summary>Deletion protection, a final snapshot and Pulumi's <c>protect</c> on the database and caches.</summary>
    public required bool ProtectData { get; init; }

    /// <summary>SNS topic the CloudWatch alarms notify; null: alarms without actions (console only).</summary>
    public required string? AlarmTopicArn { get; init; }
}
