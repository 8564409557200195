using Superset.Analysis.Commands;

namespace Superset.Analysis.Render;

/// <summary>
/// The folder <c>render</c> writes into, which it owns: a missing folder is created; a marker file
/// (<see cref="MarkerFile"/>) names the stack and every file render wrote; the next render first
/// removes those files, so the manifest of a resource since removed does not linger; a folder with
/// files and no marker is refused, since render would mix its files with someone else's. Files render
/// did not write in a folder it owns (a rule file a test extracted beside the manifests) are left alone.
/// </summary>
public sealed class RenderFolder
{
    /// <summary>The marker file: the stack rendered and the files written.</summary>
    public const string MarkerFile = ".superset-render";

    private const string StackLine = "stack: ";
    private const string Header =
        "# render owns this folder (dotnet run --project render -- <stack> --out <this folder>).\n" +
        "# The next render into it removes the files listed below first; other files are left alone.\n";

    private readonly string argument;

    private RenderFolder(string argument, string fullPath, string? previousStack, IReadOnlyList<string> previousFiles)
    {
        this.argument = argument;
        FullPath = fullPath;
        PreviousStack = previousStack;
        PreviousFiles = previousFiles;
    }

    /// <summary>The folder, as a full path.</summary>
    public string FullPath { get; }

    /// <summary>The stack rendered here before, if any.</summary>
    public string? PreviousStack { get; }

    /// <summary>The files the previous render wrote here.</summary>
    public IReadOnlyList<string> PreviousFiles { get; }

    /// <summary>
    /// Checks that render may write into <paramref name="path"/> (<paramref name="argument"/> is the
    /// option that named it) and creates it when missing. Nothing is removed yet.
    /// </summary>
    public static RenderFolder Claim(string argument, string path)
    {
        var full = UserPaths.OutputFolder(argument, path);
        var marker = Path.Combine(full, MarkerFile);
        if (!File.Exists(marker))
        {
            if (Directory.EnumerateFileSystemEntries(full).Any())
            {
                throw new UsageException(argument, path,
                    $"the folder is not empty and render did not write it (no {MarkerFile}): give a new or empty folder, or empty this one first");
            }

            return new RenderFolder(argument, full, null, []);
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(marker);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(argument, path, $"cannot read its {MarkerFile}: {UserPaths.Reason(ex)}");
        }

        var stack = lines.FirstOrDefault(l => l.StartsWith(StackLine, StringComparison.Ordinal))?[StackLine.Length..];
        // Only plain names in this folder: a marker edited to name ../something removes nothing outside.
        var files = lines.Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(StackLine, StringComparison.Ordinal)
            && Path.GetFileName(l) == l && l is not "." and not ".." and not MarkerFile).ToList();
        return new RenderFolder(argument, full, stack, files);
    }

    /// <summary>
    /// Replaces the previous render with <paramref name="files"/> (name and text): removes the files
    /// the marker lists, writes the new marker, then the files. The marker is written first, so a
    /// render that stops halfway still leaves a folder the next render can clean.
    /// </summary>
    public void Write(string stack, IReadOnlyList<(string Name, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            foreach (var old in PreviousFiles)
            {
                File.Delete(Path.Combine(FullPath, old));
            }

            File.WriteAllText(Path.Combine(FullPath, MarkerFile),
                Header + StackLine + stack + "\n" + string.Concat(files.Select(f => f.Name + "\n").Distinct(StringComparer.Ordinal)));
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(FullPath, name), text);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(argument, FullPath, $"cannot write into the folder: {UserPaths.Reason(ex)}");
        }
    }
}
