using System.Text;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Documents;

/// <summary><c>docs/config.md</c>: every key, written from the key registry, with each tier's default read from the loader.</summary>
public static class ConfigReference
{
    /// <summary>The file's path below the repository root.</summary>
    public const string FileName = "docs/config.md";

    /// <summary>The page's text.</summary>
    public static string Markdown()
    {
        var b = new StringBuilder();
        b.AppendLine("# Config keys (`superset:` namespace)");
        b.AppendLine();
        b.AppendLine("<!-- Written by `dotnet run --project stacks/Cli -- schema` from the key registry (stacks/Configuration/Keys): edit the registry, not this page. -->");
        b.AppendLine();
        b.AppendLine("Every key the program reads, as `superset:<key>` in a stack file (`Pulumi.<stack>.yaml`) or with");
        b.AppendLine("`pulumi config set --path 'superset:<key>' <value>`. Any other `superset:` key is refused. Defaults read");
        b.AppendLine("`small / medium / large` where the tier sets them. [`superset.schema.json`](../superset.schema.json) checks a");
        b.AppendLine("stack file in an editor; `dotnet run --project stacks/Cli -- plan <stack>` checks it for real and shows what it computes to.");
        var top = ConfigKeys.ChildrenOf("");
        b.AppendLine();
        b.AppendLine("## Top level");
        b.AppendLine();
        Header(b);
        foreach (var key in top.Where(k => k.Kind is not (ValueKind.Object or ValueKind.Map)))
        {
            Row(b, key);
        }

        foreach (var group in top.Where(k => k.Kind is ValueKind.Object or ValueKind.Map))
        {
            Section(b, group);
        }

        QueueDefaults(b);
        return b.ToString();
    }

    private static void Section(StringBuilder b, ConfigKey group)
    {
        b.AppendLine();
        b.AppendLine($"## `{group.Path}`");
        b.AppendLine();
        b.AppendLine(group.Description);
        b.AppendLine();
        Header(b);
        var parent = group.Kind == ValueKind.Map ? $"{group.Path}.<name>" : group.Path;
        IEnumerable<ConfigKey> leaves = group.Kind == ValueKind.Map && ConfigKeys.Find(parent) is { Kind: not ValueKind.Object } entry ? [entry] : Leaves(parent);
        foreach (var key in leaves)
        {
            Row(b, key);
        }
    }

    /// <summary>The scalar keys under an object, nested objects' keys included, in path order.</summary>
    private static IEnumerable<ConfigKey> Leaves(string parent) =>
        ConfigKeys.ChildrenOf(parent).SelectMany(k => k.Kind switch
        {
            ValueKind.Object => Leaves(k.Path),
            ValueKind.Map when ConfigKeys.Find($"{k.Path}.<name>") is { Kind: not ValueKind.Object } entry => [entry],
            ValueKind.Map => [k, .. Leaves($"{k.Path}.<name>")],
            _ => [k],
        });

    private static void Header(StringBuilder b)
    {
        b.AppendLine("| key | type | valid | default | meaning |");
        b.AppendLine("|---|---|---|---|---|");
    }

    private static void Row(StringBuilder b, ConfigKey key) =>
        b.AppendLine($"| `{key.Path}` | {Kind(key)} | {Cell(Valid(key))} | {Cell(TierDefaultValues.Describe(key))} | {Cell(key.Description)} |");

    private static string Kind(ConfigKey key) => key.Secret ? "secret" : key.Kind switch
    {
        ValueKind.Integer => "integer",
        ValueKind.Number => "number",
        ValueKind.Boolean => "boolean",
        ValueKind.StringList => "list of strings",
        ValueKind.StringMap => "map of strings",
        ValueKind.Map => "map of objects",
        ValueKind.Kubernetes => key.KubernetesKind!.StartsWith("list:", StringComparison.Ordinal) ? $"list of Kubernetes `{key.KubernetesKind[5..]}`" : $"Kubernetes `{key.KubernetesKind}`",
        _ => "string",
    };

    private static string Valid(ConfigKey key)
    {
        if (key.Values is { } values)
        {
            return string.Join(", ", values.Select(v => $"`{v}`"));
        }

        if (key.Minimum is decimal min && key.Maximum is decimal max)
        {
            return key.MaximumExclusive ? $"{min} ≤ x < {max}" : $"{min} – {max}";
        }

        return key.Kind is ValueKind.Boolean ? "`true`, `false`" : key.Expected ?? "text";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static void QueueDefaults(StringBuilder b)
    {
        var keys = Leaves(QueueKeys.Entry).Where(k => k.QueueSetting is not null).ToList();
        b.AppendLine();
        b.AppendLine("## Queue defaults per tier");
        b.AppendLine();
        b.AppendLine("What each tier's queues start from (`stacks/Configuration/Tiers`); a key under `queues.<name>` overrides one. A queue the");
        b.AppendLine("stack adds starts from the custom-queue profile (the last column): no declared peak, zero to two pods, woken by its first");
        b.AppendLine("task; set its load and bounds, and route tasks to it with `tasks` ([configure.md](configure.md#adding-a-queue-and-its-pool)).");
        foreach (var tier in TierDefaultValues.Tiers)
        {
            var queues = TierDefaultValues.Queues(tier);
            b.AppendLine();
            b.AppendLine($"### {tier}");
            b.AppendLine();
            b.AppendLine($"| key | {string.Join(" | ", queues)} | a new queue |");
            b.AppendLine($"|---|{string.Concat(queues.Select(_ => "---|"))}---|");
            foreach (var key in keys)
            {
                // The path below the queue: a field of an object of its own keeps its object's name (cost.nodeType, workingHours.minReplicas).
                b.AppendLine($"| `{key.Path[(QueueKeys.Entry.Length + 1)..]}` | {string.Join(" | ", queues.Select(q => Cell(TierDefaultValues.Queue(key, tier, q))))} | {Cell(TierDefaultValues.CustomQueue(key, tier))} |");
            }
        }
    }
}
