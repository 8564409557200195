namespace Superset.Configuration;

/// <summary>The metadata database and its connection budget.</summary>
/// <param name="InstanceClass">RDS instance class (AWS mode), e.g. <c>db.r6g.large</c>.</param>
/// <param name="MemoryMi">PostgreSQL pod memory limit (in-cluster mode).</param>
/// <param name="MaxConnections">Explicit max_connections; null derives it from the database's memory.</param>
/// <param name="BudgetFraction">Share of max_connections Superset may use at full scale (the sizing article's pitfall 2: 60–70 %).</param>
/// <param name="OtherClients">Connections kept for everything else: exporters, migrations, an operator's psql.</param>
public sealed record DatabaseSettings(string InstanceClass, int MemoryMi, int? MaxConnections, decimal BudgetFraction, int OtherClients)
{
    /// <summary>The existing PostgreSQL of <c>dataServices: external</c>; null otherwise.</summary>
    public ExternalDatabase? External { get; init; }
}

/// <summary>An existing PostgreSQL the team provides (<c>dataServices: external</c>).</summary>
/// <param name="Host">database.host.</param>
/// <param name="Port">database.port.</param>
/// <param name="Name">database.name.</param>
/// <param name="User">database.user.</param>
/// <param name="SslMode">database.sslMode (libpq sslmode).</param>
/// <param name="SslRootCert">database.sslRootCert: the CA bundle in the image verify-ca and verify-full check against.</param>
public sealed record ExternalDatabase(string Host, int Port, string Name, string User, string SslMode, string? SslRootCert);
