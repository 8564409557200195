using Superset.Analysis.Render;
using Superset.Render;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The Pulumi program and <c>render</c> at their entry points: what they answer to help, to a run
/// outside the engine and to an output folder they cannot or may not use.
/// </summary>
[Collection("pulumi")] // render runs the mock engine, which is process-global
public class EntryPointTests
{
    private static readonly Dictionary<string, string> Engine = new() { ["PULUMI_MONITOR"] = "127.0.0.1:1", ["PULUMI_ENGINE"] = "127.0.0.1:2" };

    private static (int? Exit, string Stdout, string Stderr) Before(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = ProgramEntry.Before(args, v => environment.GetValueOrDefault(v), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_says_what_the_program_is_and_how_to_run_it(string flag)
    {
        var (exit, stdout, stderr) = Before([flag], new Dictionary<string, string>());
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("pulumi preview -s dev", stdout, StringComparison.Ordinal);
        Assert.Contains("pulumi up -s dev", stdout, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project render -- dev --out out/dev", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_the_engine_the_program_says_so_in_one_line_and_under_it_runs()
    {
        var (exit, stdout, stderr) = Before([], new Dictionary<string, string>());
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("use `pulumi preview` or `pulumi up`", stderr, StringComparison.Ordinal);

        Assert.Null(Before([], Engine).Exit);
        Assert.Equal(1, Before([], new Dictionary<string, string> { ["PULUMI_MONITOR"] = "127.0.0.1:1" }).Exit);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RenderAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await RenderCommand.InvokeAsync(args, stdout, stderr, Harness.RepoRoot());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Render_creates_its_folder_marks_it_and_replaces_its_own_files_only()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out", "dev");
        var first = await RenderAsync("dev", "--out", dir);
        Assert.True(first.Exit == 0, first.Stderr);
        var marker = File.ReadAllText(Path.Combine(dir, RenderFolder.MarkerFile));
        Assert.Contains("stack: dev\n", marker, StringComparison.Ordinal);
        Assert.Contains("connections.md\n", marker, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(dir).Select(Path.GetFileName).Where(f => f != RenderFolder.MarkerFile),
            f => Assert.Contains(f + "\n", marker, StringComparison.Ordinal));

        // A manifest of a resource since removed, as an earlier render would have left it, and a file of someone else's.
        File.WriteAllText(Path.Combine(dir, "k8s-deployment-removed-since.yaml"), "kind: Deployment\n");
        File.AppendAllText(Path.Combine(dir, RenderFolder.MarkerFile), "k8s-deployment-removed-since.yaml\n");
        File.WriteAllText(Path.Combine(dir, "rules.yaml"), "groups: []\n");
        var second = await RenderAsync("dev", "--out", dir);
        Assert.True(second.Exit == 0, second.Stderr);
        Assert.False(File.Exists(Path.Combine(dir, "k8s-deployment-removed-since.yaml")));
        Assert.True(File.Exists(Path.Combine(dir, "rules.yaml")));
        Assert.True(File.Exists(Path.Combine(dir, "connections.md")));
    }

    [Fact]
    public async Task Render_refuses_a_folder_it_did_not_write_and_one_it_cannot_create_in_one_line()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var refused = await RenderAsync("dev", "--out", dir);
        Assert.Equal(1, refused.Exit);
        Assert.Equal($"render: --out {dir}: the folder is not empty and render did not write it (no {RenderFolder.MarkerFile}): give a new or empty folder, or empty this one first", refused.Stderr.Trim());
        Assert.Equal(["notes.txt"], Directory.GetFiles(dir).Select(Path.GetFileName));

        foreach (var (path, problem) in new[] { (Path.Combine(dir, "notes.txt"), "is a file, not a folder"), ("/proc/superset-render-test", "cannot create the folder") })
        {
            var (exit, _, stderr) = await RenderAsync("dev", "--out", path);
            Assert.Equal(1, exit);
            Assert.StartsWith($"render: --out {path}: {problem}", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }

        var missing = await RenderAsync("no-such-stack", "--out", Path.Combine(dir, "x"));
        Assert.Equal(1, missing.Exit);
        Assert.StartsWith("render: <stack> no-such-stack: no file", missing.Stderr, StringComparison.Ordinal);
    }
}
