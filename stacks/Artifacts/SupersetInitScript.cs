using System.Globalization;
using System.Text;
using Superset.Catalog;
using Superset.Planning;

namespace Superset.Artifacts;

/// <summary>
/// The init Job's shell script: the drivers the stack names are imported first (a missing one fails
/// the Job, naming it, before migrations; web and workers wait for the Job, so they do not roll), then
/// migrations, <c>superset init</c>, the first admin (<c>superset fab create-admin</c>, which leaves an
/// existing user alone), and the examples when asked. The admin's password is read from the
/// environment by the shell, never written here.
/// </summary>
public static class SupersetInitScript
{
    /// <summary>Where docker/Dockerfile takes the drivers' requirements from (a build argument).</summary>
    public const string DriversBuildArg = "DRIVERS";

    /// <summary>
    /// The script of a stack with the default admin, no drivers and no examples: the Job's name leaves it
    /// out, so stacks that set none of these keep their Job.
    /// </summary>
    public const string Default =
        "set -e; superset db upgrade; superset init; " +
        "superset fab create-admin --username 'admin' --firstname 'Superset' --lastname 'Admin' " +
        "--email 'admin@superset.invalid' --password \"$ADMIN_PASSWORD\"";

    /// <summary>The script, for <c>sh -c</c>.</summary>
    public static string Script(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var admin = plan.Custom.Init.Admin;
        var b = new StringBuilder("set -e; ");
        if (plan.Custom.Drivers.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"python -c {Quote(DriverCheck(plan))}; ");
        }

        b.Append("superset db upgrade; superset init; ");
        b.Append(CultureInfo.InvariantCulture,
            $"superset fab create-admin --username {Quote(admin.Username)} --firstname {Quote(admin.FirstName)} --lastname {Quote(admin.LastName)} --email {Quote(admin.Email)} --password \"${SupersetEnv.AdminPassword}\"");
        if (plan.Custom.Init.LoadExamples)
        {
            b.Append("; superset load-examples");
        }

        return b.ToString();
    }

    /// <summary>
    /// Python that imports every module of every driver and exits 1 naming each one missing, with the
    /// image build line that adds them.
    /// </summary>
    public static string DriverCheck(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var drivers = string.Join(", ", plan.Custom.Drivers.Select(d => $"({SupersetAuthConfig.Str(d.Name)}, [{string.Join(", ", d.Modules.Select(SupersetAuthConfig.Str))}])"));
        return "import importlib, sys\n"
            + "missing = []\n"
            + $"for driver, modules in [{drivers}]:\n"
            + "    for module in modules:\n"
            + "        try:\n"
            + "            importlib.import_module(module)\n"
            + "        except Exception as e:\n"
            + "            missing.append('%s (import %s: %s)' % (driver, module, e))\n"
            + "if missing:\n"
            + $"    sys.exit('superset:drivers: the image lacks ' + '; '.join(missing) + '. Build it with: ' + {SupersetAuthConfig.Str(BuildLine(plan))})\n"
            + $"print('superset:drivers: every driver imports: {string.Join(", ", plan.Custom.Drivers.Select(d => d.Name))}')\n";
    }

    /// <summary>
    /// The image build that carries the stack's drivers: docker/Dockerfile with their requirements
    /// (Superset's pyproject.toml extras, stacks/Catalog/SupersetDrivers.cs) as the build argument.
    /// </summary>
    public static string BuildLine(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var requirements = plan.Custom.Drivers.SelectMany(d => d.Requirements).Distinct(StringComparer.Ordinal);
        var official = plan.Image.StartsWith(SupersetReleases.OfficialRepository + ":", StringComparison.Ordinal)
            || plan.Image.StartsWith(SupersetReleases.OfficialRepository + "@", StringComparison.Ordinal);
        var tag = official || plan.Image.Contains('@', StringComparison.Ordinal) ? $"<registry>/superset:{plan.Release.Tag}-pg" : plan.Image;
        return $"docker build --build-arg {Quote($"{DriversBuildArg}={string.Join(" ", requirements)}")} -t {tag} docker/";
    }

    /// <summary>A POSIX shell single-quoted word.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
