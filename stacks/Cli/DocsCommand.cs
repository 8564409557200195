using System.CommandLine;
using Superset.Cli.Docs;

namespace Superset.Cli;

/// <summary>
/// <c>docs [--root &lt;dir&gt;]</c>: writes every quoted figure of README.md and docs/*.md as the tools
/// produce it now (<see cref="DocFigures"/>). A test fails when a committed figure differs.
/// </summary>
internal static class DocsCommand
{
    /// <summary>The documents that quote figures, relative to the root.</summary>
    public static IEnumerable<string> Documents(string root) =>
        new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal));

    public static Command Create(string root)
    {
        var at = new Option<string>("--root") { Description = "The repository root", DefaultValueFactory = _ => root };
        var command = new Command("docs", "Write every figure quoted in README.md and docs/ as the tools produce it now") { at };
        command.SetAction(r =>
        {
            var dir = r.GetValue(at)!;
            foreach (var document in Documents(dir))
            {
                var path = Path.Combine(dir, document);
                var text = File.ReadAllText(path);
                var filled = DocFigures.Fill(text, dir);
                if (filled != text)
                {
                    File.WriteAllText(path, filled);
                    r.InvocationConfiguration.Output.WriteLine($"updated {document}");
                }
            }

            return 0;
        });
        return command;
    }
}
