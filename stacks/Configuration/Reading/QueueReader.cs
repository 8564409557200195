using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads <c>superset:queues</c>: a mapping from queue name to the fields that differ from the tier.
/// A name the tier already has overrides that queue's fields; a new name adds a queue that starts
/// from the tier's <c>default</c> queue profile; <c>enabled: false</c> removes a tier queue.
/// </summary>
internal static class QueueReader
{
    /// <summary>Celery's default queue: tasks without a route land here, so it cannot be removed.</summary>
    public const string DefaultQueue = QueueNames.Default;

    public static IReadOnlyList<QueueSettings> Read(ObjectReader queues, IReadOnlyList<QueueSettings> tierQueues, List<SettingsError> errors)
    {
        var result = tierQueues.ToList();
        var template = tierQueues.Single(q => q.Name == DefaultQueue);

        foreach (var name in queues.FieldNames.ToList())
        {
            var r = queues.Entry(name);
            if (!QueueKeys.Map.Accepts(name))
            {
                errors.Add(new SettingsError($"{StackFile.Namespace}:queues.{name}", name, QueueKeys.Map.Expected!));
                continue;
            }

            var index = result.FindIndex(q => q.Name == name);
            var baseline = index >= 0 ? result[index] : template with { Name = name };
            var enabled = r.Bool(QueueKeys.Enabled, true);
            var queue = ReadQueue(r, baseline);
            r.RejectUnknown();

            if (!enabled)
            {
                if (name == DefaultQueue)
                {
                    errors.Add(new SettingsError(r.KeyOf(QueueKeys.Enabled), "false",
                        "true: the default queue receives every task without a route and must have a pool"));
                }
                else if (index >= 0)
                {
                    result.RemoveAt(index);
                }

                continue;
            }

            if (index >= 0)
            {
                result[index] = queue;
            }
            else
            {
                result.Add(queue);
            }
        }

        return result;
    }

    /// <summary>Every registered field of a queue that is present, applied to its baseline (<see cref="ConfigKey.QueueUpdate"/>).</summary>
    private static QueueSettings ReadQueue(ObjectReader r, QueueSettings baseline) =>
        ConfigKeys.ChildrenOf(QueueKeys.Entry)
            .Where(k => k.QueueUpdate is not null)
            .Aggregate(baseline, (q, key) => r.Value(key) is { } value ? key.QueueUpdate!(q, value) : q);
}
