namespace Superset.Catalog;

/// <summary>
/// One database driver an image can carry for Superset: an optional-dependency extra of Superset's
/// <c>pyproject.toml</c>, the requirements it installs, and the modules SQLAlchemy imports when a
/// database of that kind is added (what the init Job imports to prove the image has it).
/// </summary>
/// <param name="Name">The extra's name in <c>[project.optional-dependencies]</c> (<c>superset:drivers</c>' value).</param>
/// <param name="Requirements">Its requirement specifiers, as pyproject.toml has them (spaces removed, so a build argument splits on them).</param>
/// <param name="Modules">The import names the driver provides: its DB-API module and SQLAlchemy dialect.</param>
public sealed record SupersetDriver(string Name, IReadOnlyList<string> Requirements, IReadOnlyList<string> Modules);

/// <summary>
/// The database drivers <c>superset:drivers</c> may name, per release: a subset of Superset's
/// optional dependencies whose requirements install from wheels into the lean image and whose
/// import names are known. Read from apache/superset pyproject.toml, [project.optional-dependencies]:
/// the 5.0 entries from the stored copy at commit 6168ab02 (the 5.0 line: flask-appbuilder&gt;=4.6.0,
/// sqlglot&gt;=26.1.3,&lt;27), the 6.0 entries from the stored copy at 002166c3 (flask-appbuilder&gt;=4.8.0,
/// sqlglot&gt;=27.3.0,&lt;28); the tags themselves could not be fetched here (docs/decisions/0005-release-catalog.md,
/// "Verification gap"). Each import name is the package's own top-level module (its DB-API module, or
/// the SQLAlchemy dialect package it registers).
/// </summary>
public static class SupersetDrivers
{
    private static SupersetDriver D(string name, string[] requirements, params string[] modules) => new(name, requirements, modules);

    private static IReadOnlyList<SupersetDriver> Common(bool six) =>
    [
        D("athena", ["pyathena[pandas]>=2,<3"], "pyathena"),
        D("bigquery", six ? ["pandas-gbq>=0.19.1", "sqlalchemy-bigquery>=1.15.0", "google-cloud-bigquery>=3.10.0"] : ["pandas-gbq>=0.19.1", "sqlalchemy-bigquery>=1.6.1", "google-cloud-bigquery>=3.10.0"], "sqlalchemy_bigquery", "google.cloud.bigquery"),
        D("clickhouse", ["clickhouse-connect>=0.5.14,<1.0"], "clickhouse_connect"),
        D("databricks", ["databricks-sql-connector>=2.0.2,<3", "sqlalchemy-databricks>=0.2.0"], "databricks.sql", "sqlalchemy_databricks"),
        D("druid", ["pydruid>=0.6.5,<0.7"], "pydruid"),
        D("mssql", ["pymssql>=2.2.8,<3"], "pymssql"),
        D("mysql", ["mysqlclient>=2.1.0,<3"], "MySQLdb"),
        D("pinot", ["pinotdb>=5.0.0,<6.0.0"], "pinotdb"),
        // Superset's own extra pins psycopg2-binary==2.9.6; docker/Dockerfile installs it for the metadata database.
        D("postgres", ["psycopg2-binary==2.9.6"], "psycopg2"),
        D("redshift", ["sqlalchemy-redshift>=0.8.1,<0.9"], "sqlalchemy_redshift"),
        D("snowflake", ["snowflake-sqlalchemy>=1.2.4,<2"], "snowflake.sqlalchemy", "snowflake.connector"),
        D("starrocks", ["starrocks>=1.0.0"], "starrocks"),
        D("trino", ["trino>=0.328.0"], "trino", "trino.sqlalchemy"),
    ];

    private static readonly Dictionary<string, IReadOnlyDictionary<string, SupersetDriver>> ByVersion = new(StringComparer.Ordinal)
    {
        ["5.0"] = Common(six: false).ToDictionary(d => d.Name, StringComparer.Ordinal),
        ["6.0"] = Common(six: true).ToDictionary(d => d.Name, StringComparer.Ordinal),
    };

    /// <summary>The driver of this name in the release's catalog, or null.</summary>
    public static SupersetDriver? Find(SupersetRelease release, string name)
    {
        ArgumentNullException.ThrowIfNull(release);
        return ByVersion.TryGetValue(release.Version, out var drivers) && drivers.TryGetValue(name, out var driver) ? driver : null;
    }

    /// <summary>Every driver name of the release, sorted.</summary>
    public static IReadOnlyList<string> Names(SupersetRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return ByVersion.TryGetValue(release.Version, out var drivers) ? drivers.Keys.Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Every name any release has (the registry's list of valid values).</summary>
    public static IReadOnlyList<string> AllNames { get; } = ByVersion.Values.SelectMany(d => d.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
}
