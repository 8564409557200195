namespace Superset.Configuration;

/// <summary>The fewest and most pods an autoscaler keeps.</summary>
/// <param name="Min">Fewest pods (0: the pool scales to zero, engine keda only).</param>
/// <param name="Max">Most pods.</param>
public sealed record ReplicaBounds(int Min, int Max);
