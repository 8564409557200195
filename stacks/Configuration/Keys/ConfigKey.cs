using System.Text.RegularExpressions;

namespace Superset.Configuration.Keys;

/// <summary>
/// One <c>superset:</c> config key: where it is, what it holds, what is valid, and where its value
/// lands in <see cref="StackSettings"/>. The readers read only through these (an unregistered key
/// cannot be read, and one present in a stack file but not registered is refused), and
/// <c>Pulumi.yaml</c>, <c>docs/config.md</c> and <c>superset.schema.json</c> are written from them.
/// </summary>
public sealed record ConfigKey
{
    /// <summary>The key below <c>superset:</c>, dotted; <c>&lt;name&gt;</c> stands for a map entry (<c>queues.&lt;name&gt;.minReplicas</c>).</summary>
    public required string Path { get; init; }

    /// <summary>What it holds.</summary>
    public required ValueKind Kind { get; init; }

    /// <summary>One line: what it means and, where it helps, its unit.</summary>
    public required string Description { get; init; }

    /// <summary>Smallest valid number.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>Largest valid number (excluded when <see cref="MaximumExclusive"/>).</summary>
    public decimal? Maximum { get; init; }

    /// <summary>Whether <see cref="Maximum"/> itself is invalid.</summary>
    public bool MaximumExclusive { get; init; }

    /// <summary>The only valid texts, when there is a fixed set.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>An ECMAScript-compatible regular expression a valid text matches (also the JSON Schema's pattern).</summary>
    public string? Pattern { get; init; }

    /// <summary>What a name of a <see cref="ValueKind.StringMap"/> matches (a label or annotation key).</summary>
    public string? KeyPattern { get; init; }

    /// <summary>The Kubernetes type of a <see cref="ValueKind.Kubernetes"/> key: <c>core.v1.Affinity</c>, or <c>list:</c> of one (stacks/Catalog/Kubernetes).</summary>
    public string? KubernetesKind { get; init; }

    /// <summary>Longest valid text.</summary>
    public int? MaxLength { get; init; }

    /// <summary>A check beyond the pattern (a catalog lookup); the schema cannot express it.</summary>
    public Func<string, bool>? Check { get; init; }

    /// <summary>What a valid value is, for errors (a range's text is built from the bounds).</summary>
    public string? Expected { get; init; }

    /// <summary>Appended to a range in errors: why the range is what it is.</summary>
    public string Why { get; init; } = "";

    /// <summary>Set with <c>pulumi config set --secret</c>; never a plain value.</summary>
    public bool Secret { get; init; }

    /// <summary>Where the value lands in the settings of a stack (docs read each tier's default from it); null when it is not a setting.</summary>
    public Func<StackSettings, object?>? Setting { get; init; }

    /// <summary>Where the value lands in a queue's settings (<c>queues.&lt;name&gt;.*</c> keys).</summary>
    public Func<QueueSettings, object?>? QueueSetting { get; init; }

    /// <summary>
    /// How a value of a <c>queues.&lt;name&gt;.*</c> key changes a queue's settings: the queue reader applies
    /// every registered key this way, so a new queue field is its registry entry and its record field.
    /// </summary>
    public Func<QueueSettings, object, QueueSettings>? QueueUpdate { get; init; }

    /// <summary>A check beyond the range: the reason a value in range is still invalid, or null.</summary>
    public Func<object, string?>? Refine { get; init; }

    /// <summary>
    /// Why the key does nothing with the stack's other settings (a mode that does not use it), or
    /// null where it applies (<see cref="Applies"/>): a key set where it does nothing is refused with
    /// this reason, so nobody believes a setting took effect that did not.
    /// </summary>
    public Func<StackSettings, string?>? InertWhen { get; init; }

    /// <summary>The default, where it is one value that is not read from a tier's settings (the tier itself).</summary>
    public object? Default { get; init; }

    /// <summary>The default in words, where it is not a value of the settings (computed, or taken from another key).</summary>
    public string? DefaultText { get; init; }

    /// <summary>The field's own name: the last segment of <see cref="Path"/>.</summary>
    public string Field => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The path of the object holding it (<c>""</c> at the top level).</summary>
    public string Parent => Path.Contains('.', StringComparison.Ordinal) ? Path[..Path.LastIndexOf('.')] : "";

    /// <summary>Whether a text is a valid value of a <see cref="ValueKind.String"/> or list item.</summary>
    public bool Accepts(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (Values is null || Values.Contains(value))
            && (MaxLength is null || value.Length <= MaxLength)
            && (Pattern is null || Regex.IsMatch(value, Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            && (Check is null || Check(value));
    }
}
