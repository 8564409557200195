using System.CommandLine;
using Superset.Analysis.Commands;
using Superset.Configuration.Documents;

namespace Superset.Cli;

/// <summary>
/// <c>schema [--root &lt;dir&gt;]</c>: writes <c>Pulumi.yaml</c>, <c>docs/config.md</c> and
/// <c>superset.schema.json</c> from the key registry. A test fails when a committed copy differs. The
/// root must exist: a mistyped one is refused, not created.
/// </summary>
internal static class SchemaCommand
{
    /// <summary>Every document written from the registry: its path below the root, and its text.</summary>
    public static IReadOnlyList<(string Path, Func<string> Text)> Documents { get; } =
    [
        (ProjectFile.FileName, ProjectFile.Yaml),
        (ConfigReference.FileName, ConfigReference.Markdown),
        (StackFileSchema.FileName, StackFileSchema.Json),
    ];

    public static Command Create(string root)
    {
        var at = new Option<string>("--root") { Description = "The repository root to write into", DefaultValueFactory = _ => root };
        var command = new Command("schema", "Write Pulumi.yaml, docs/config.md and superset.schema.json from the config key registry") { at };
        command.SetAction(r =>
        {
            var dir = r.GetValue(at)!;
            UserPaths.InputFolder("--root", dir);
            foreach (var (path, text) in Documents)
            {
                var file = Path.Combine(dir, path);
                UserPaths.OutputFile("--root", file);
                UserPaths.WriteText("--root", file, text());
                r.InvocationConfiguration.Output.WriteLine($"wrote {file}");
            }

            return 0;
        });
        return command;
    }
}
