namespace Superset.Planning;

/// <summary>Where one task is sent, and whether the stack moved it there (<c>queues.&lt;name&gt;.tasks</c>).</summary>
/// <param name="Task">The Celery task name.</param>
/// <param name="Queue">The queue, which a pool consumes.</param>
/// <param name="Routed">True when <c>queues.&lt;name&gt;.tasks</c> moved it from the queue the release's catalog gives it.</param>
public sealed record TaskRoute(string Task, string Queue, bool Routed);
