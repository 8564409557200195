using System.Text.Json;
using Superset.Configuration;

namespace Superset.Analysis.Commands;

/// <summary>
/// What the command-line programs (<c>stacks/Cli</c>, <c>render</c>) print for an exception that
/// reaches their entry point. Anything a user can cause — a value of theirs that cannot work, a path
/// that is missing or cannot be written, a file that is not what it should be — is one line and exit
/// code 1. Anything else is a bug: it is not swallowed but named as one, with the exception's type
/// and message and how to see where it happened, and exit code 70.
/// </summary>
public static class CommandErrors
{
    /// <summary>The exit code of a problem the user can fix: a setting, a path, a value, the command line.</summary>
    public const int UserError = 1;

    /// <summary>The exit code of a bug in the program (sysexits.h's EX_SOFTWARE).</summary>
    public const int Bug = 70;

    /// <summary>With this environment variable set to 1, a bug is printed with its stack trace.</summary>
    public const string TraceVariable = "SUPERSET_STACK_TRACE";

    /// <summary>
    /// Whether <paramref name="ex"/> is something a user can cause. An <see cref="ArgumentException"/>
    /// counts (a path the runtime refuses) but not its null and out-of-range kinds, which only code passes.
    /// </summary>
    public static bool IsUserError(Exception ex) => ex is UsageException or SettingsException or IOException
        or UnauthorizedAccessException or JsonException or InvalidDataException
        || (ex is ArgumentException && ex is not ArgumentNullException and not ArgumentOutOfRangeException);

    /// <summary>Prints <paramref name="ex"/> as <paramref name="program"/>'s error and returns the exit code.</summary>
    public static int Report(Exception ex, string program, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(stderr);
        if (ex is SettingsException)
        {
            // Already names the stack file and every problem by key, one per line.
            stderr.WriteLine(ex.Message);
            return UserError;
        }

        if (IsUserError(ex))
        {
            stderr.WriteLine($"{program}: {OneLine(ex.Message)}");
            return UserError;
        }

        stderr.WriteLine($"{program}: internal error (a bug, not a problem with your input): {ex.GetType().FullName}: {OneLine(ex.Message)}");
        stderr.WriteLine(Environment.GetEnvironmentVariable(TraceVariable) == "1"
            ? ex.ToString()
            : $"Please report it with the command line you ran; {TraceVariable}=1 prints where it happened.");
        return Bug;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
