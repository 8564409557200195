namespace Superset.Configuration.Keys;

/// <summary><c>superset:aws</c>: where RDS and ElastiCache go (dataServices aws).</summary>
public static class AwsKeys
{
    /// <summary>RDS PostgreSQL version: the in-cluster image (Images.Postgres) runs the same major.</summary>
    public const string PostgresVersion = "16";

    /// <summary>The object.</summary>
    public static readonly ConfigKey Object = Define.Object("aws", "Where RDS and ElastiCache go and who may connect (dataServices aws).") with { InertWhen = Applies.OnAws };

    /// <summary><c>aws.vpcId</c>.</summary>
    public static readonly ConfigKey VpcId = Define.Text("aws.vpcId", Patterns.AwsId("vpc"), "The EKS cluster's VPC.", "a VPC id: vpc- and 8 or 17 hex digits", s => s.Aws.VpcId)
        with { DefaultText = "none (required with dataServices aws)" };

    /// <summary><c>aws.privateSubnetIds</c>.</summary>
    public static readonly ConfigKey PrivateSubnetIds = new()
    {
        Path = "aws.privateSubnetIds", Kind = ValueKind.StringList, Pattern = Patterns.AwsId("subnet"),
        Description = "Private subnets in two or more availability zones.", Expected = "subnet ids (subnet- and 8 or 17 hex digits)",
        DefaultText = "none (two or more required with dataServices aws)", Setting = s => s.Aws.PrivateSubnetIds,
    };

    /// <summary><c>aws.clientSecurityGroupId</c>.</summary>
    public static readonly ConfigKey ClientSecurityGroupId = Define.Text("aws.clientSecurityGroupId", Patterns.AwsId("sg"),
        "Security group of the EKS nodes or pods: the only source admitted to PostgreSQL and Redis.", "a security group id: sg- and 8 or 17 hex digits",
        s => s.Aws.ClientSecurityGroupId) with { DefaultText = "none (required with dataServices aws)" };

    /// <summary><c>aws.postgresVersion</c>.</summary>
    public static readonly ConfigKey PostgresVersionKey = Define.Text("aws.postgresVersion", Patterns.PostgresMajorVersion,
        "RDS PostgreSQL major version; AWS picks the minor and applies minor upgrades (docs/configure.md).",
        "a PostgreSQL major version RDS offers, e.g. 16 (no minor: RDS upgrades it itself, and a pinned 16.4 would make a later pulumi up try a downgrade)",
        s => s.Aws.PostgresVersion);

    /// <summary><c>aws.allocatedStorageGb</c>.</summary>
    public static readonly ConfigKey AllocatedStorageGb = Define.Int("aws.allocatedStorageGb", 20, 65_536, "RDS storage, GiB (gp3).", s => s.Aws.AllocatedStorageGb);

    /// <summary><c>aws.backupRetentionDays</c>.</summary>
    public static readonly ConfigKey BackupRetentionDays = Define.Int("aws.backupRetentionDays", 1, 35, "RDS automated backups, days.",
        s => s.Aws.BackupRetentionDays, " (RDS allows 1 to 35)");

    /// <summary><c>aws.multiAz</c>.</summary>
    public static readonly ConfigKey MultiAz = Define.Bool("aws.multiAz", "A standby database and cache replicas in a second zone, with automatic failover.", s => s.Aws.MultiAz);

    /// <summary><c>aws.protectData</c>.</summary>
    public static readonly ConfigKey ProtectData = Define.Bool("aws.protectData", "RDS deletion protection and a final snapshot; Pulumi protect on the database and the broker (the cache holds nothing that is not recomputed).", s => s.Aws.ProtectData);

    /// <summary><c>aws.alarmTopicArn</c>.</summary>
    public static readonly ConfigKey AlarmTopicArn = Define.Text("aws.alarmTopicArn", Patterns.SnsTopicArn,
        "SNS topic the CloudWatch alarms notify; omitted: alarms in the console only.", "an SNS topic ARN: arn:aws:sns:<region>:<12-digit account>:<name>",
        s => s.Aws.AlarmTopicArn) with { DefaultText = "none" };
}
