namespace Superset.Configuration;

/// <summary>When Celery replaces a prefork child (docs/sources/async-queries.md).</summary>
/// <param name="MaxTasksPerChild">Celery <c>--max-tasks-per-child</c>.</param>
/// <param name="MaxMemoryPerChildMi">Celery <c>--max-memory-per-child</c>, in MiB here (Celery takes KiB).</param>
public sealed record ChildRecycling(int MaxTasksPerChild, int MaxMemoryPerChildMi);
