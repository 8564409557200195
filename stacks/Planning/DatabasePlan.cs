using Superset.Configuration;

namespace Superset.Planning;

/// <summary>The metadata database's connection budget.</summary>
/// <param name="MaxConnections">PostgreSQL max_connections.</param>
/// <param name="MaxConnectionsSource"><c>config</c>, <c>rds-default</c> (the instance class) or <c>memory</c> (in-cluster pod).</param>
/// <param name="Budget">floor(maxConnections × budgetFraction): what Superset may use.</param>
/// <param name="ConnectionsAtMax">Connections with every autoscaler at its maximum during a rollout.</param>
/// <param name="Breakdown">Where <paramref name="ConnectionsAtMax"/> comes from.</param>
/// <param name="InstanceClass">RDS class (AWS mode), else null.</param>
/// <param name="MemoryMi">PostgreSQL pod memory (in-cluster mode), else null.</param>
public sealed record DatabasePlan(
    int MaxConnections,
    string MaxConnectionsSource,
    int Budget,
    int ConnectionsAtMax,
    IReadOnlyList<ConnectionUse> Breakdown,
    string? InstanceClass,
    int? MemoryMi)
{
    /// <summary>The team's existing PostgreSQL (<c>dataServices: external</c>), else null.</summary>
    public ExternalDatabase? External { get; init; }
}

/// <summary>One consumer of database connections at full scale.</summary>
public sealed record ConnectionUse(string Consumer, string Formula, int Connections);
