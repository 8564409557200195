namespace Superset.Planning;

/// <summary>SQLAlchemy's connection pool of one process.</summary>
/// <param name="PoolSize">pool_size.</param>
/// <param name="MaxOverflow">max_overflow.</param>
public sealed record DbPool(int PoolSize, int MaxOverflow)
{
    /// <summary>Connections one process may open.</summary>
    public int ConnectionsPerProcess => PoolSize + MaxOverflow;
}
