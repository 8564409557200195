namespace Superset.Catalog;

/// <summary>One Celery task a Superset release registers, and the queue it belongs on.</summary>
/// <param name="Name">The registered task name, exactly as in the Superset sources.</param>
/// <param name="Module">The module that registers it (what Celery's <c>imports</c> must list).</param>
/// <param name="Queue">The queue of the autoscaling article's split (docs/sources/autoscaling.md) this task belongs to.</param>
/// <param name="Why">Why it goes there.</param>
/// <param name="Source">The upstream file that registers it, <c>apache/superset path@tag</c>.</param>
public sealed record SupersetTask(string Name, string Module, string Queue, string Why, string Source);
