using Superset.Analysis.Commands;
using Superset.Cli;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// What the command line answers to paths and values a user can get wrong: one line naming the
/// argument and the path, exit code 1, no stack trace; a bug is named as one (tests/inputs runs the
/// built program on many more).
/// </summary>
public sealed class UserInputTests
{
    private static (int Exit, string Stdout, string Stderr) Cli(string root, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = CliProgram.Run(args, stdout, stderr, root);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Repo => PlannerTests.RepoRoot();

    private static void AssertOneLine(string stderr, string expected)
    {
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_names_the_argument_and_the_path_it_cannot_use()
    {
        var tmp = Directory.CreateTempSubdirectory().FullName;
        var readme = Path.Combine(Repo, "README.md");
        var cases = new (string[] Args, string Expected)[]
        {
            (["plan", "no-such"], "plan: <stack> no-such: no file"),
            (["plan", "dev", "--diff", tmp], $"plan: --diff {tmp}: is a folder"),
            (["generate", "dev", "--out", readme], $"generate: --out {readme}: is a file, not a folder"),
            (["monitoring", "dev", "--out", Path.Combine(readme, "x")], $"monitoring: --out {Path.Combine(readme, "x")}: cannot create the folder"),
            (["simulate", "dev", "--trace", Path.Combine(tmp, "none.csv")], $"simulate: --trace {Path.Combine(tmp, "none.csv")}: no such file"),
            (["simulate", "dev", "--chart", tmp], $"simulate: --chart {tmp}: is a folder: give a file name"),
            (["simulate", "dev", "--scenario", "nope"], "simulate: --scenario nope: no such scenario: one of steady, spike"),
            (["prices", Path.Combine(tmp, "none")], $"prices: <folder> {Path.Combine(tmp, "none")}: no such folder"),
            (["prices", tmp, "--note", "one\ntwo"], "prices: --note one two: one line per --note"),
            (["schema", "--root", Path.Combine(tmp, "none")], $"schema: --root {Path.Combine(tmp, "none")}: no such folder"),
            (["docs", "--root", tmp], $"docs: --root {tmp}: not the repository root"),
        };
        foreach (var (args, expected) in cases)
        {
            var (exit, _, stderr) = Cli(Repo, args);
            Assert.True(exit == CommandErrors.UserError, $"{string.Join(' ', args)}: exit {exit}\n{stderr}");
            AssertOneLine(stderr, expected);
        }

        Assert.False(Directory.Exists(Path.Combine(tmp, "none")), "schema --root created the missing root");
    }

    [Fact]
    public void Simulate_creates_the_charts_folder_and_refuses_a_scenario_beside_a_trace()
    {
        var tmp = Directory.CreateTempSubdirectory().FullName;
        var chart = Path.Combine(tmp, "out", "charts", "steady.html");
        var (exit, stdout, stderr) = Cli(Repo, "simulate", "dev", "--scenario", "steady", "--chart", chart);
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("<!doctype html>", File.ReadAllText(chart), StringComparison.Ordinal);
        Assert.Contains("Simulation `steady`", stdout, StringComparison.Ordinal);

        var trace = Path.Combine(tmp, "t.csv");
        File.WriteAllText(trace, "0,default,5\n");
        var both = Cli(Repo, "simulate", "dev", "--scenario", "steady", "--trace", trace);
        Assert.Equal(1, both.Exit);
        AssertOneLine(both.Stderr, $"--scenario steady: give --scenario or --trace {trace}, not both");
        // The default scenario beside a trace is no conflict.
        Assert.Equal(0, Cli(Repo, "simulate", "dev", "--trace", trace, "--json").Exit);
    }

    [Fact]
    public void A_wrong_command_line_is_exit_code_1_as_system_commandline_answers_it()
    {
        var (exit, _, stderr) = Cli(Repo, "simulate", "dev", "--seed", "x");
        Assert.Equal(1, exit);
        Assert.Contains("--seed", stderr, StringComparison.Ordinal);
        Assert.Equal(0, Cli(Repo, "--help").Exit);
    }

    [Fact]
    public void A_bug_is_named_as_one_and_not_taken_for_bad_input()
    {
        var stderr = new StringWriter();
        Assert.Equal(CommandErrors.Bug, CommandErrors.Report(new InvalidOperationException("the invariant broke"), "plan", stderr));
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("plan: internal error (a bug, not a problem with your input): System.InvalidOperationException: the invariant broke", lines[0], StringComparison.Ordinal);
        Assert.Contains(CommandErrors.TraceVariable, lines[1], StringComparison.Ordinal);

        Assert.False(CommandErrors.IsUserError(new ArgumentNullException("x")));
        Assert.False(CommandErrors.IsUserError(new NullReferenceException()));
        Assert.True(CommandErrors.IsUserError(new DirectoryNotFoundException()));
        Assert.True(CommandErrors.IsUserError(new ArgumentException("Path cannot be the empty string")));
    }

    [Fact]
    public void Output_paths_are_created_and_input_paths_must_exist_with_the_right_kind()
    {
        var tmp = Directory.CreateTempSubdirectory().FullName;
        var file = Path.Combine(tmp, "f.txt");
        File.WriteAllText(file, "x");

        Assert.True(Directory.Exists(UserPaths.OutputFolder("--out", Path.Combine(tmp, "a", "b"))));
        Assert.Equal(Path.Combine(tmp, "c", "d.html"), UserPaths.OutputFile("--chart", Path.Combine(tmp, "c", "d.html")));
        Assert.True(Directory.Exists(Path.Combine(tmp, "c")));
        Assert.Equal("x", UserPaths.ReadText("--trace", file));

        Assert.Equal($"--out {file}: is a file, not a folder", Assert.Throws<UsageException>(() => UserPaths.OutputFolder("--out", file)).Message);
        Assert.Equal($"--chart {tmp}: is a folder: give a file name", Assert.Throws<UsageException>(() => UserPaths.OutputFile("--chart", tmp)).Message);
        Assert.Equal($"--chart {file}/x.html: {file} is a file, not a folder", Assert.Throws<UsageException>(() => UserPaths.OutputFile("--chart", file + "/x.html")).Message);
        Assert.Equal($"--trace {tmp}: is a folder, not a file", Assert.Throws<UsageException>(() => UserPaths.InputFile("--trace", tmp)).Message);
        Assert.Equal($"<folder> {file}: is a file, not a folder", Assert.Throws<UsageException>(() => UserPaths.InputFolder("<folder>", file)).Message);
        Assert.Equal("--out \"\": an empty path", Assert.Throws<UsageException>(() => UserPaths.OutputFolder("--out", "")).Message);
        Assert.StartsWith("--out /proc/superset-test: cannot create the folder", Assert.Throws<UsageException>(() => UserPaths.OutputFolder("--out", "/proc/superset-test")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_argument_names_itself_when_it_names_no_stack_file()
    {
        Assert.EndsWith("Pulumi.dev.yaml", StackArgument.Resolve("<stack>", "dev", Repo), StringComparison.Ordinal);
        Assert.StartsWith("--diff nope: no file ", Assert.Throws<UsageException>(() => StackArgument.Resolve("--diff", "nope", Repo)).Message, StringComparison.Ordinal);
        Assert.Equal($"<stack> {Repo}: is a folder: give a stack name (dev, prod) or a stack file",
            Assert.Throws<UsageException>(() => StackArgument.Resolve("<stack>", Repo, Repo)).Message);
    }
}
