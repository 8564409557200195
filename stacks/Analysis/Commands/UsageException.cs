namespace Superset.Analysis.Commands;

/// <summary>
/// A value given on a command line that cannot work: the argument, what it held and what is wrong
/// with it. The programs print its message as one line and exit 1, without a stack trace
/// (<see cref="CommandErrors"/>).
/// </summary>
public sealed class UsageException : Exception
{
    /// <param name="argument">The option or argument, as the user typed it: <c>--out</c>, <c>&lt;folder&gt;</c>.</param>
    /// <param name="value">What it held (a path, a name, a number).</param>
    /// <param name="problem">What is wrong and, where useful, what to do.</param>
    public UsageException(string argument, string value, string problem)
        : base($"{argument} {Shown(value)}: {problem}")
    {
        Argument = argument;
        Value = value;
    }

    /// <summary>The option or argument.</summary>
    public string Argument { get; }

    /// <summary>The value it held.</summary>
    public string Value { get; }

    /// <summary>An empty value is shown as <c>""</c>, so the message still names it.</summary>
    private static string Shown(string value) => value.Length == 0 ? "\"\"" : value;
}
