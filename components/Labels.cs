namespace Superset.Components;

/// <summary>
/// The one labels helper (Kubernetes "Recommended Labels"; apache/superset helm chart). Selectors use
/// name + instance + component (+ queue for a worker pool) only: a selector cannot change after a
/// Deployment exists, so nothing that may change (version, tier) is ever part of one.
/// </summary>
public static class Labels
{
    /// <summary><c>app.kubernetes.io/name</c> of everything this program deploys.</summary>
    public const string AppName = "superset";

    /// <summary><c>app.kubernetes.io/part-of</c>.</summary>
    public const string PartOf = "superset";

    /// <summary><c>app.kubernetes.io/managed-by</c>.</summary>
    public const string ManagedBy = "pulumi";

    /// <summary>Label naming the Celery queue of a worker pool.</summary>
    public const string QueueLabel = "superset.apache.org/queue";

    /// <summary>The labels a selector matches: stable for the lifetime of the object.</summary>
    public static Dictionary<string, string> Selector(string instance, string component, string? queue = null)
    {
        var labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = AppName,
            ["app.kubernetes.io/instance"] = instance,
            ["app.kubernetes.io/component"] = component,
        };
        if (queue is not null)
        {
            labels[QueueLabel] = queue;
        }

        return labels;
    }

    /// <summary>Every label of an object: the selector labels plus part-of and managed-by.</summary>
    public static Dictionary<string, string> For(string instance, string component, string? queue = null)
    {
        var labels = Selector(instance, component, queue);
        labels["app.kubernetes.io/part-of"] = PartOf;
        labels["app.kubernetes.io/managed-by"] = ManagedBy;
        return labels;
    }
}
