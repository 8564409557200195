using System.CommandLine;
using Superset.Analysis.Commands;

namespace Superset.Cli;

/// <summary>
/// The command line: every command, and the one place that turns what a user can get wrong into a
/// one-line message (<see cref="CommandErrors"/>). Exit codes: 0 done; 1 something the user can fix
/// (settings, each problem by key; a path that is missing or cannot be written, or a value that
/// cannot work, naming the argument; a wrong command line, System.CommandLine's own code for a parse
/// error); 70 a bug, named as one (<see cref="CommandErrors.Bug"/>).
/// </summary>
internal static class CliProgram
{
    /// <summary>The root command with every subcommand; stack names resolve against <paramref name="root"/>.</summary>
    public static RootCommand Root(string root) => new("Superset on Kubernetes: sizing and checks without Pulumi")
    {
        PlanCommand.Create(root),
        MonitoringCommand.Create(root),
        GenerateCommand.Create(root),
        SimulateCommand.Create(root),
        PricesCommand.Create(),
        SchemaCommand.Create(root),
        DocsCommand.Create(root),
    };

    /// <summary>Runs one command line; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string root)
    {
        var parsed = Root(root).Parse(args);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(ex, parsed.CommandResult.Command.Name, stderr);
        }
    }
}
