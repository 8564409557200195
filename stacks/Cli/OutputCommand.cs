using System.CommandLine;
using Superset.Analysis.Commands;
using Superset.Planning;
using Superset.Planning.Sizing;

namespace Superset.Cli;

/// <summary>
/// A <c>&lt;name&gt; &lt;stack&gt; --out &lt;dir&gt;</c> command: plans the stack and writes files from the
/// plan into the folder, created when missing; invalid settings print every problem by key and exit 1,
/// as <c>plan</c> does, and a folder that cannot be created or written throws <see cref="UsageException"/>.
/// </summary>
internal static class OutputCommand
{
    /// <summary>Writes files for a plan into a directory and returns the summary line.</summary>
    public delegate string Writer(StackPlan plan, string stack, string outDir);

    public static Command Create(string name, string description, string root, Writer write)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var output = new Option<string>("--out") { Description = "Folder to write the files into (created when missing)", Required = true };
        var command = new Command(name, description) { stack, output };
        command.SetAction(r => Run(r.GetValue(stack)!, r.GetValue(output)!, r.InvocationConfiguration.Output, root, write));
        return command;
    }

    /// <summary>Plans <paramref name="stack"/> and writes its files; what goes wrong is thrown, for <see cref="CliProgram"/> to print.</summary>
    public static int Run(string stack, string outDir, TextWriter stdout, string root, Writer write)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(write);
        var plan = Planner.PlanFile(StackArgument.Resolve("<stack>", stack, root), root).Plan;
        UserPaths.OutputFolder("--out", outDir);
        string summary;
        try
        {
            summary = write(plan, stack, outDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException("--out", outDir, $"cannot write into the folder: {UserPaths.Reason(ex)}");
        }

        stdout.WriteLine(summary);
        return 0;
    }
}
