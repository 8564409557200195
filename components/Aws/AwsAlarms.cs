using System.Globalization;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Superset.Artifacts.Monitoring;

namespace Superset.Components.Aws;

/// <summary>
/// CloudWatch alarms on the managed data services (CloudWatchAlarms.cs): the RDS instance, and every
/// node of the broker and cache replication groups. They notify the configured SNS topic.
/// </summary>
public sealed class AwsAlarms : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:aws:AwsAlarms";

    /// <summary>The type token before it matched the class name (an alias keeps existing stacks' resources).</summary>
    public const string FormerTypeToken = "superset:aws:Alarms";

    /// <summary>Creates one alarm per catalogue entry and node.</summary>
    public AwsAlarms(string name, AwsAlarmsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, FormerTypes.Alias(options, FormerTypeToken))
    {
        ArgumentNullException.ThrowIfNull(args);
        var parent = new CustomResourceOptions { Parent = this };
        var actions = new InputList<string>();
        if (args.TopicArn is { } topic)
        {
            actions.Add(topic);
        }

        var tags = new InputMap<string>();
        foreach (var (k, v) in args.Tags)
        {
            tags.Add(k, v);
        }

        var count = 0;
        foreach (var alarm in args.Alarms)
        {
            // ElastiCache names a replication group's member clusters <group id>-001, -002, ...
            var dimensions = alarm.Target switch
            {
                AwsTarget.Database => [("DBInstanceIdentifier", args.DatabaseIdentifier, "")],
                AwsTarget.Broker => Nodes("CacheClusterId", args.BrokerGroupId),
                _ => Nodes("CacheClusterId", args.CacheGroupId),
            };
            foreach (var (dimension, value, suffix) in dimensions)
            {
                _ = new MetricAlarm($"{name}-{alarm.Name}{suffix}", new MetricAlarmArgs
                {
                    AlarmDescription = alarm.Description,
                    Namespace = alarm.Namespace,
                    MetricName = alarm.Metric,
                    Statistic = alarm.Statistic,
                    ComparisonOperator = alarm.Comparison,
                    Threshold = alarm.Threshold,
                    Period = CloudWatchAlarm.PeriodSeconds,
                    EvaluationPeriods = alarm.EvaluationPeriods,
                    Dimensions = new InputMap<string> { { dimension, value } },
                    // No data is not an alarm: a node being replaced stops reporting for a while.
                    TreatMissingData = "notBreaching",
                    AlarmActions = actions,
                    OkActions = actions,
                    Tags = tags,
                }, parent);
                count++;
            }
        }

        AlarmCount = Output.Create(count);
        RegisterOutputs(new Dictionary<string, object?> { ["alarmCount"] = AlarmCount });

        (string, Input<string>, string)[] Nodes(string dimension, Output<string> groupId) =>
            Enumerable.Range(1, args.NodesPerGroup)
                .Select(i => (dimension, (Input<string>)groupId.Apply(g => $"{g}-{i.ToString("000", CultureInfo.InvariantCulture)}"), $"-{i}"))
                .ToArray();
    }

    /// <summary>How many alarms were declared.</summary>
    [Output]
    public Output<int> AlarmCount { get; private set; }
}
