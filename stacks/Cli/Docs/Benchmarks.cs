namespace Superset.Cli.Docs;

/// <summary>
/// The benchmark figures: BenchmarkDotNet's GitHub-flavoured report of the last full run, committed
/// beside the benchmarks (docs/testing.md, "Benchmarks", says how to run and refresh it).
/// </summary>
public static class Benchmarks
{
    /// <summary>The committed report, relative to the repository root.</summary>
    public const string Report = "tests/Superset.Stacks.Benchmarks/results/report-github.md";

    /// <summary>The report's table: its rows as BenchmarkDotNet wrote them.</summary>
    public static string Table(string root)
    {
        var lines = File.ReadAllLines(Path.Combine(root, Report));
        return string.Join("\n", lines.Where(l => l.StartsWith('|')));
    }

    /// <summary>The run's environment lines (BenchmarkDotNet, OS, CPU, runtime), as it wrote them.</summary>
    public static string Environment(string root) =>
        string.Join("\n", File.ReadAllLines(Path.Combine(root, Report)).TakeWhile(l => !l.StartsWith('|')).Where(l => l.Length > 0 && !l.StartsWith("```", StringComparison.Ordinal)));
}
