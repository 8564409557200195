using System.Text.Json;
using Superset.Artifacts;
using Superset.Planning;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>
/// Runs a plan's generated superset_config.py in Debian's Python with the environment the pods give it
/// (every variable of <see cref="SupersetEnv"/>, secrets included), and prints what a probe asks as JSON.
/// Superset itself is not installed: a stub <c>superset.security</c> stands in where the file imports it.
/// </summary>
internal static class ConfigExec
{
    /// <summary>The pods' secret values here: each must never appear in the generated text.</summary>
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SupersetEnv.SecretKey] = "SECRET-flask-key",
        [SupersetEnv.AsyncQueriesJwtSecret] = new string('j', 64),
        [SupersetEnv.DatabasePassword] = "SECRET-db",
        ["REDIS_BROKER_PASSWORD"] = "SECRET-broker",
        ["REDIS_CACHE_PASSWORD"] = "SECRET-cache",
        [SupersetEnv.LdapBindPassword] = "SECRET-ldap-bind",
        [SupersetEnv.SlackApiToken] = "SECRET-xoxb",
        [SupersetEnv.OAuthClientSecret("google")] = "SECRET-google",
        [SupersetEnv.OAuthClientSecret("azure")] = "SECRET-azure",
        [SupersetEnv.OAuthClientSecret("okta")] = "SECRET-okta",
        [SupersetEnv.OAuthClientSecret("keycloak")] = "SECRET-keycloak",
        [SupersetEnv.OAuthClientSecret("github")] = "SECRET-github",
        [SupersetEnv.OAuthClientSecret("generic")] = "SECRET-generic",
    };

    /// <summary>The file's text for a stack file's plan.</summary>
    public static string Text(string yaml) => SupersetConfigPy.Generate(PlannerTests.PlanOf(yaml));

    /// <summary>Writes the file (and the stubs) to a new folder; returns the folder.</summary>
    public static string Write(StackPlan plan)
    {
        var dir = Directory.CreateTempSubdirectory("superset-config-").FullName;
        File.WriteAllText(Path.Combine(dir, SupersetEnv.ConfigFile), SupersetConfigPy.Generate(plan));
        Directory.CreateDirectory(Path.Combine(dir, "superset", "security"));
        File.WriteAllText(Path.Combine(dir, "superset", "__init__.py"), "");
        File.WriteAllText(Path.Combine(dir, "superset", "security", "__init__.py"),
            "class SupersetSecurityManager:\n    def get_oauth_user_info(self, provider, resp=None):\n        return {'from': 'superset', 'provider': provider}\n");
        return dir;
    }

    /// <summary>
    /// Imports the file as Superset does (<paramref name="asSuperset"/>: with <c>superset.config</c>
    /// loading) or as a worker's probe does, runs <paramref name="probe"/> (Python printing JSON with
    /// the module as <c>c</c>), and returns what it printed.
    /// </summary>
    public static JsonElement Run(StackPlan plan, string probe, bool asSuperset = true, string role = "web", IReadOnlyDictionary<string, string>? env = null)
    {
        var dir = Write(plan);
        var script = "import json, os, sys, types\n"
            + "sys.path.insert(0, sys.argv[1])\n"
            + (asSuperset ? "sys.modules['superset.config'] = types.ModuleType('superset.config')\n" : "")
            + "import superset_config as c\n"
            + probe + "\n";
        File.WriteAllText(Path.Combine(dir, "probe.py"), script);
        var all = new Dictionary<string, string>(Secrets, StringComparer.Ordinal)
        {
            [SupersetEnv.ProcessRole] = role,
            [SupersetEnv.DatabaseHost] = "postgres", [SupersetEnv.DatabaseName] = "superset", [SupersetEnv.DatabaseUser] = "superset",
            ["REDIS_BROKER_HOST"] = "broker", ["REDIS_CACHE_HOST"] = "cache",
        };
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            all[k] = v;
        }

        var (code, stdout, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3-celery"), [Path.Combine(dir, "probe.py"), dir], all);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    /// <summary>Compiles the file with Python's compiler; returns the error or null.</summary>
    public static string? CompileError(StackPlan plan)
    {
        var dir = Write(plan);
        var (code, _, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3"), ["-m", "py_compile", Path.Combine(dir, SupersetEnv.ConfigFile)]);
        return code == 0 ? null : stderr;
    }
}
