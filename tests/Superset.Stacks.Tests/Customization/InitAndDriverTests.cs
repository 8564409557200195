using Superset.Artifacts;
using Superset.Configuration;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>init.admin, init.loadExamples and superset:drivers: the init Job's script, its drivers' import check, the image build line.</summary>
public sealed class InitAndDriverTests
{
    private const string Drivers = "config:\n  superset:drivers: [snowflake, mysql]\n  superset:init:\n    admin:\n      username: bi-admin\n      email: bi-admins@example.com\n      firstName: O'Brien\n      lastName: Data Team\n    loadExamples: true\n";

    [Fact]
    public void The_script_creates_the_configured_admin_quoted_for_the_shell_with_a_random_password()
    {
        var plan = PlannerTests.PlanOf(Drivers);
        var script = SupersetInitScript.Script(plan);
        Assert.Contains("--username 'bi-admin'", script, StringComparison.Ordinal);
        Assert.Contains("--firstname 'O'\\''Brien'", script, StringComparison.Ordinal);
        Assert.Contains("--lastname 'Data Team'", script, StringComparison.Ordinal);
        Assert.Contains("--password \"$ADMIN_PASSWORD\"", script, StringComparison.Ordinal);
        Assert.EndsWith("; superset load-examples", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("import_module", StringComparison.Ordinal) < script.IndexOf("superset db upgrade", StringComparison.Ordinal), "drivers are checked before migrations");

        // The shell parses it (sh -n) and, run with stand-ins for superset and python, passes the admin's fields intact.
        var (syntax, _, err) = Tools.Run("/bin/sh", ["-n", "-c", script]);
        Assert.True(syntax == 0, err);
    }

    [Fact]
    public void The_default_stack_keeps_the_default_script()
    {
        Assert.Equal(SupersetInitScript.Default, SupersetInitScript.Script(PlannerTests.PlanOf("config:\n  superset:tier: small\n")));
    }

    [Fact]
    public void The_driver_check_names_each_missing_driver_and_the_build_line()
    {
        var plan = PlannerTests.PlanOf(Drivers);
        var (code, _, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3"), ["-c", SupersetInitScript.DriverCheck(plan)]);
        Assert.Equal(1, code);
        Assert.Contains("snowflake (import snowflake.sqlalchemy", stderr, StringComparison.Ordinal);
        Assert.Contains("mysql (import MySQLdb", stderr, StringComparison.Ordinal);
        Assert.Contains("docker build --build-arg 'DRIVERS=snowflake-sqlalchemy>=1.2.4,<2 mysqlclient>=2.1.0,<3'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_driver_check_passes_when_the_image_has_every_module()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:drivers: [trino]\n");
        var stubs = Directory.CreateTempSubdirectory("drivers-").FullName;
        Directory.CreateDirectory(Path.Combine(stubs, "trino", "sqlalchemy"));
        File.WriteAllText(Path.Combine(stubs, "trino", "__init__.py"), "");
        File.WriteAllText(Path.Combine(stubs, "trino", "sqlalchemy", "__init__.py"), "");
        var (code, stdout, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3"), ["-c", SupersetInitScript.DriverCheck(plan)], new Dictionary<string, string> { ["PYTHONPATH"] = stubs });
        Assert.True(code == 0, stderr);
        Assert.Contains("every driver imports: trino", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_line_installs_superset_s_own_requirements_of_each_extra()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:image: registry.example.com/superset:5.0.0-pg\n  superset:drivers: [bigquery, postgres]\n");
        Assert.Equal("docker build --build-arg 'DRIVERS=pandas-gbq>=0.19.1 sqlalchemy-bigquery>=1.6.1 google-cloud-bigquery>=3.10.0 psycopg2-binary==2.9.6' -t registry.example.com/superset:5.0.0-pg docker/",
            SupersetInitScript.BuildLine(plan));
    }

    [Fact]
    public void The_dockerfile_installs_the_build_argument()
    {
        var dockerfile = File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "docker", "Dockerfile"));
        Assert.Matches($@"(?m)^ARG {SupersetInitScript.DriversBuildArg}=", dockerfile);
        Assert.Matches($@"(?m)^RUN uv pip install .*\${SupersetInitScript.DriversBuildArg}\b", dockerfile);
    }

    [Theory]
    [InlineData("config:\n  superset:drivers: [postgresql]\n", "superset:drivers", "optional-dependency names")]
    [InlineData("config:\n  superset:drivers: [mysql, mysql]\n", "superset:drivers", "each driver once")]
    [InlineData("config:\n  superset:dataServices: aws\n  superset:init:\n    loadExamples: true\n", "superset:init.loadExamples", "protects its data")]
    [InlineData("config:\n  superset:init:\n    admin:\n      email: not-an-address\n", "superset:init.admin.email", "e-mail address")]
    public void Refused_by_key(string yaml, string key, string expected)
    {
        var e = Assert.Single(Assert.Throws<SettingsException>(() => PlannerTests.PlanOf(yaml)).Errors);
        Assert.Equal(key, e.Key);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
    }
}
