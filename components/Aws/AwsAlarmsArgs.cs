using Pulumi;
using Superset.Artifacts.Monitoring;

namespace Superset.Components.Aws;

/// <summary>Inputs of <see cref="AwsAlarms"/>.</summary>
public sealed record AwsAlarmsArgs
{
    /// <summary>The alarm catalogue for the plan (CloudWatchAlarms.For).</summary>
    public required IReadOnlyList<CloudWatchAlarm> Alarms { get; init; }

    /// <summary>The RDS instance identifier.</summary>
    public required Output<string> DatabaseIdentifier { get; init; }

    /// <summary>The broker replication group id.</summary>
    public required Output<string> BrokerGroupId { get; init; }

    /// <summary>The cache replication group id.</summary>
    public required Output<string> CacheGroupId { get; init; }

    /// <summary>Member clusters per replication group (2 with Multi-AZ, else 1).</summary>
    public required int NodesPerGroup { get; init; }

    /// <summary>SNS topic to notify, or null.</summary>
    public string? TopicArn { get; init; }

    /// <summary>Tags for every alarm.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
