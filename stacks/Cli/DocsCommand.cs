using System.CommandLine;
using Superset.Analysis.Commands;
using Superset.Cli.Docs;

namespace Superset.Cli;

/// <summary>
/// <c>docs [--root &lt;dir&gt;] [--simulate]</c>: writes every quoted figure of README.md and docs/*.md as the tools
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
        var simulate = new Option<bool>("--simulate")
        {
            Description = "First re-run the simulated days the figures quote (docs/figures/simulate-*.json, seeds 1-20 of each tier and scenario; several minutes)",
        };
        var command = new Command("docs", "Write every figure quoted in README.md and docs/ as the tools produce it now") { at, simulate };
        command.SetAction(r =>
        {
            var dir = r.GetValue(at)!;
            UserPaths.InputFolder("--root", dir);
            if (!File.Exists(Path.Combine(dir, "README.md")) || !Directory.Exists(Path.Combine(dir, "docs")))
            {
                throw new UsageException("--root", dir, "not the repository root: no README.md and docs/ in it");
            }

            if (r.GetValue(simulate))
            {
                foreach (var written in SimulatedDays.Write(dir))
                {
                    r.InvocationConfiguration.Output.WriteLine($"wrote {written}");
                }
            }

            foreach (var document in Documents(dir))
            {
                var path = Path.Combine(dir, document);
                var text = UserPaths.ReadText("--root", path);
                string filled;
                try
                {
                    filled = DocFigures.Fill(text, dir);
                }
                catch (Exception ex) when (CommandErrors.IsUserError(ex))
                {
                    // A figure the tools cannot produce from this root (an unknown name, a stack file missing or refused).
                    throw new UsageException("--root", dir, $"{document}: {ex.Message.ReplaceLineEndings(" ")}");
                }

                if (filled != text)
                {
                    UserPaths.WriteText("--root", path, filled);
                    r.InvocationConfiguration.Output.WriteLine($"updated {document}");
                }
            }

            return 0;
        });
        return command;
    }
}
