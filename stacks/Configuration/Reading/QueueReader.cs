using Superset.Catalog;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads <c>superset:queues</c>: a mapping from queue name to the fields that differ from the tier.
/// A name the tier already has overrides that queue's fields; a new name adds a queue that starts
/// from the custom-queue profile (<see cref="Tiers.QueueProfiles.Custom"/>), never from another
/// queue's load; <c>enabled: false</c> removes a tier queue.
/// </summary>
internal static class QueueReader
{
    /// <summary>Celery's default queue: tasks without a route land here, so it cannot be removed.</summary>
    public const string DefaultQueue = QueueNames.Default;

    /// <summary>
    /// Celery's own default queue name (celery/celery celery/app/defaults.py@v5.3.6,
    /// <c>task_default_queue</c> = 'celery'), which the generated config replaces with <c>default</c>:
    /// a pool of that name would look like the fallback it is not.
    /// </summary>
    public const string CeleryDefaultName = "celery";

    public static IReadOnlyList<QueueSettings> Read(ObjectReader queues, IReadOnlyList<QueueSettings> tierQueues, QueueSettings custom, List<SettingsError> errors)
    {
        var result = tierQueues.ToList();
        var tierNames = tierQueues.Select(q => q.Name).ToList();
        foreach (var name in queues.FieldNames.ToList())
        {
            var r = queues.Entry(name);
            var key = $"{StackFile.Namespace}:queues.{name}";
            if (Refused(name, key, tierNames, errors))
            {
                continue;
            }

            var index = result.FindIndex(q => q.Name == name);
            var baseline = index >= 0 ? result[index] : custom with { Name = name };
            var enabled = r.Bool(QueueKeys.Enabled, true);
            var queue = ReadQueue(r, baseline);
            r.RejectUnknown();

            if (!enabled)
            {
                Disable(r, name, index >= 0, tierNames, errors);
                if (index >= 0 && name != DefaultQueue)
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

    /// <summary>A name no pool may have, or one a typo away from a tier queue's.</summary>
    private static bool Refused(string name, string key, IReadOnlyList<string> tierNames, List<SettingsError> errors)
    {
        if (!QueueKeys.Map.Accepts(name))
        {
            errors.Add(new SettingsError(key, name, QueueKeys.Map.Expected!));
            return true;
        }

        if (name == CeleryDefaultName)
        {
            errors.Add(new SettingsError(key, name,
                $"another name: {CeleryDefaultName} is Celery's own default queue, which this stack replaces with {DefaultQueue} (every task without a route goes there); a pool named {CeleryDefaultName} would receive nothing unless routed"));
            return true;
        }

        // One edit (export, exprots, defualt): two would catch real names (imports is two from exports).
        if (!tierNames.Contains(name) && Suggestions.Closest(name, tierNames, maxEdits: 1) is { } near)
        {
            errors.Add(new SettingsError(key, name,
                $"did you mean queues.{near}? {name} would add a new queue beside the tier's {string.Join(", ", tierNames)}; give a new queue a name that is not one letter away from theirs"));
            return true;
        }

        return false;
    }

    /// <summary><c>enabled: false</c>: only on a tier queue other than default, and alone.</summary>
    private static void Disable(ObjectReader r, string name, bool isTierQueue, IReadOnlyList<string> tierNames, List<SettingsError> errors)
    {
        if (name == DefaultQueue)
        {
            errors.Add(new SettingsError(r.KeyOf(QueueKeys.Enabled), "false",
                "true: the default queue receives every task without a route and must have a pool"));
        }
        else if (!isTierQueue)
        {
            errors.Add(new SettingsError(r.KeyOf(QueueKeys.Enabled), "false",
                $"true, or remove queues.{name}: the tier has no queue {name} to disable (its queues: {string.Join(", ", tierNames)})"));
        }

        var others = r.FieldNames.Where(f => f != QueueKeys.Enabled.Field).ToList();
        if (others.Count > 0)
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:queues.{name}", string.Join(", ", others),
                $"remove them: queues.{name}.enabled is false, so the pool they describe is not deployed"));
        }
    }

    /// <summary>Every registered field of a queue that is present, applied to its baseline (<see cref="ConfigKey.QueueUpdate"/>).</summary>
    private static QueueSettings ReadQueue(ObjectReader r, QueueSettings baseline) =>
        ReadPlacement(r, ConfigKeys.ChildrenOf(QueueKeys.Entry)
            .Where(k => k.QueueUpdate is not null)
            .Aggregate(baseline, (q, key) => r.Value(key) is { } value ? key.QueueUpdate!(q, value) : q));

    /// <summary>The pool's placement, node pool and working hours: objects of their own (<c>scheduling</c>, <c>cost</c>, <c>workingHours</c>).</summary>
    private static QueueSettings ReadPlacement(ObjectReader r, QueueSettings queue) => queue with
    {
        Scheduling = r.Has(QueueKeys.Scheduling) ? PodReaders.Placement(r.Child(QueueKeys.Scheduling)) : queue.Scheduling,
        Cost = r.Has(QueueKeys.Cost) ? ServiceReaders.PoolCostOf(r.Child(QueueKeys.Cost)) : queue.Cost,
        Autoscaler = r.Has(WorkingHoursKeys.Object) ? queue.Autoscaler with { WorkingHours = WorkingHoursReader.Read(r.Child(WorkingHoursKeys.Object)) } : queue.Autoscaler,
    };
}
