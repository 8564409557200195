using System.Text;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Documents;

/// <summary>
/// <c>Pulumi.yaml</c>, written from the key registry: the project's name, runtime and program, and
/// its <c>config:</c> block. Pulumi's project schema types only strings, integers, booleans and
/// arrays, so the scalar keys carry their type and default, and each object key a description
/// naming its fields (the program validates every one; docs/config.md has them all).
/// </summary>
public static class ProjectFile
{
    /// <summary>The file name at the repository root.</summary>
    public const string FileName = "Pulumi.yaml";

    /// <summary>The file's text.</summary>
    public static string Yaml()
    {
        var b = new StringBuilder();
        b.AppendLine("# Written by `dotnet run --project stacks/Cli -- schema` from the key registry (stacks/Configuration/Keys):");
        b.AppendLine("# edit the registry, not this file. Every key is read as `superset:<key>`; docs/config.md describes them,");
        b.AppendLine("# superset.schema.json checks a stack file, `dotnet run --project stacks/Cli -- plan <stack>` shows what they compute to.");
        b.AppendLine("name: superset");
        b.AppendLine("runtime: dotnet");
        b.AppendLine("main: infra/");
        b.AppendLine("description: Apache Superset (gunicorn web, one Celery pool per queue, beat, Redis broker and cache, PostgreSQL) sized per tier");
        b.AppendLine("config:");
        foreach (var key in ConfigKeys.ChildrenOf(""))
        {
            b.AppendLine($"  {key.Path}:");
            if (key.Kind is ValueKind.Object or ValueKind.Map)
            {
                var fields = ConfigKeys.ChildrenOf(key.Kind == ValueKind.Map ? $"{key.Path}.<name>" : key.Path).Select(k => k.Field);
                b.AppendLine($"    description: {Quote($"{(key.Kind == ValueKind.Map ? "Map of names to objects" : "Object")}. {key.Description} Fields: {string.Join(", ", fields)} (docs/config.md).")}");
                continue;
            }

            if (key.Kind == ValueKind.StringList)
            {
                b.AppendLine("    type: array");
                b.AppendLine("    items:");
                b.AppendLine("      type: string");
                b.AppendLine($"    description: {Quote(key.Description)}");
                continue;
            }

            b.AppendLine("    type: string");
            if (TierDefaultValues.Constant(key) is string constant)
            {
                b.AppendLine($"    default: {constant}");
            }

            if (key.Secret)
            {
                b.AppendLine("    secret: true");
            }

            b.AppendLine($"    description: {Quote(key.Description)}");
        }

        return b.ToString();
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
