namespace Superset.Analysis.Commands;

/// <summary>
/// The paths a user gives a command, checked before use and named in every failure: each method
/// throws <see cref="UsageException"/> with the argument, the path and what is wrong, instead of the
/// runtime's exception from deep inside a write.
/// </summary>
public static class UserPaths
{
    /// <summary>An existing file, as a full path.</summary>
    public static string InputFile(string argument, string path)
    {
        NotEmpty(argument, path);
        if (Directory.Exists(path))
        {
            throw new UsageException(argument, path, "is a folder, not a file");
        }

        return File.Exists(path) ? Path.GetFullPath(path) : throw new UsageException(argument, path, "no such file");
    }

    /// <summary>The text of an existing file.</summary>
    public static string ReadText(string argument, string path)
    {
        var file = InputFile(argument, path);
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(argument, path, $"cannot be read: {Reason(ex)}");
        }
    }

    /// <summary>An existing folder, as a full path.</summary>
    public static string InputFolder(string argument, string path)
    {
        NotEmpty(argument, path);
        if (File.Exists(path))
        {
            throw new UsageException(argument, path, "is a file, not a folder");
        }

        return Directory.Exists(path) ? Path.GetFullPath(path) : throw new UsageException(argument, path, "no such folder");
    }

    /// <summary>A folder to write into, created (with its parents) when missing; its full path.</summary>
    public static string OutputFolder(string argument, string path)
    {
        NotEmpty(argument, path);
        if (File.Exists(path))
        {
            throw new UsageException(argument, path, "is a file, not a folder");
        }

        try
        {
            return Directory.CreateDirectory(path).FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(argument, path, $"cannot create the folder: {Reason(ex)}");
        }
    }

    /// <summary>A file to write: not a folder, its folder created when missing; its full path.</summary>
    public static string OutputFile(string argument, string path)
    {
        NotEmpty(argument, path);
        if (Directory.Exists(path))
        {
            throw new UsageException(argument, path, "is a folder: give a file name");
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (File.Exists(folder))
        {
            throw new UsageException(argument, path, $"{folder} is a file, not a folder");
        }

        try
        {
            Directory.CreateDirectory(folder);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(argument, path, $"cannot create its folder {folder}: {Reason(ex)}");
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, a file given by (or under) <paramref name="argument"/>.</summary>
    public static void WriteText(string argument, string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(argument, path, $"cannot be written: {Reason(ex)}");
        }
    }

    /// <summary>What the runtime says went wrong, on one line (permission problems in a word).</summary>
    public static string Reason(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex switch
        {
            UnauthorizedAccessException => "permission denied",
            _ => ex.Message.ReplaceLineEndings(" ").Trim(),
        };
    }

    private static void NotEmpty(string argument, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException(argument, path, "an empty path");
        }
    }
}
