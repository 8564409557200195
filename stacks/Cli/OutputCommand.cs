using System.CommandLine;
using Superset.Configuration;
using Superset.Planning;
using Superset.Planning.Sizing;

namespace Superset.Cli;

/// <summary>
/// A <c>&lt;name&gt; &lt;stack&gt; --out &lt;dir&gt;</c> command: plans the stack and writes files from the
/// plan; invalid settings print every problem by key and exit 1, as <c>plan</c> does.
/// </summary>
internal static class OutputCommand
{
    /// <summary>Writes files for a plan into a directory and returns the summary line.</summary>
    public delegate string Writer(StackPlan plan, string stack, string outDir);

    public static Command Create(string name, string description, string root, Writer write)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var output = new Option<string>("--out") { Description = "Directory to write the files into", Required = true };
        var command = new Command(name, description) { stack, output };
        command.SetAction(r => Run(r.GetValue(stack)!, r.GetValue(output)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, root, write));
        return command;
    }

    public static int Run(string stack, string outDir, TextWriter stdout, TextWriter stderr, string root, Writer write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            var plan = Planner.PlanFile(stack, root).Plan;
            Directory.CreateDirectory(outDir);
            stdout.WriteLine(write(plan, stack, outDir));
            return 0;
        }
        catch (SettingsException ex)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }
    }
}
