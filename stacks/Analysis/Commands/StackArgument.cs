using Superset.Configuration;
using Superset.Configuration.Reading;

namespace Superset.Analysis.Commands;

/// <summary>A stack argument of a command: a stack name or a stack file, resolved or refused naming the argument.</summary>
public static class StackArgument
{
    /// <summary>
    /// The stack file <paramref name="value"/> names (<c>dev</c> → <c>Pulumi.dev.yaml</c> in
    /// <paramref name="root"/>, or a path); <see cref="UsageException"/> naming <paramref name="argument"/> when there is none.
    /// </summary>
    public static string Resolve(string argument, string value, string root)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException(argument, value, "an empty stack name: give a stack name (dev, prod) or a stack file");
        }

        if (Directory.Exists(value))
        {
            throw new UsageException(argument, value, "is a folder: give a stack name (dev, prod) or a stack file");
        }

        try
        {
            return StackFile.Resolve(value, root);
        }
        catch (SettingsException ex) when (ex.Errors.Count == 1)
        {
            throw new UsageException(argument, value, ex.Errors[0].Expected);
        }
    }
}
