using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Superset.Catalog.Kubernetes;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>The reads of <see cref="ObjectReader"/> for mappings of texts and values in Kubernetes' own terms.</summary>
internal sealed partial class ObjectReader
{
    /// <summary>The registry path of this object (<c>queues.&lt;name&gt;.scheduling</c>).</summary>
    public string Template => template;

    /// <summary>The key of this object's field named <paramref name="field"/>; throws when the registry has none (a bug).</summary>
    public ConfigKey KeyNamed(string field) =>
        ConfigKeys.Find($"{template}.{field}") ?? throw new InvalidOperationException($"{template}.{field} is not registered");

    /// <summary>A mapping of texts whose names and values the key accepts; null when absent or invalid.</summary>
    public IReadOnlyDictionary<string, string>? StringMap(ConfigKey key)
    {
        var node = obj[Own(key).Field];
        if (node is null)
        {
            return null;
        }

        var expected = key.Expected ?? "a mapping of names to texts";
        if (node is not JsonObject map)
        {
            Fail(key, expected);
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in map)
        {
            var text = value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString())
                : null;
            var keyOk = key.KeyPattern is null || Regex.IsMatch(name, key.KeyPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var valueOk = text is not null && (key.Pattern is null || Regex.IsMatch(text, key.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            if (!keyOk || !valueOk)
            {
                errors.Add(new SettingsError($"{KeyOf(key)}.{name}", Show(text ?? value?.ToJsonString() ?? "null"),
                    !keyOk ? "a key of letters, digits, '-', '_' and '.', with an optional DNS prefix and '/' (a Kubernetes qualified name)" : $"{expected} (this value is not valid here)"));
                continue;
            }

            result[name] = text!;
        }

        return result;
    }

    /// <summary>A value of the key's Kubernetes kind, checked field by field against the pinned provider's types; null when absent or invalid.</summary>
    public KubernetesValue? Kubernetes(ConfigKey key)
    {
        var node = obj[Own(key).Field];
        if (node is null)
        {
            return null;
        }

        var kind = key.KubernetesKind ?? throw new InvalidOperationException($"{key.Path} has no Kubernetes kind");
        var problems = KubernetesSchema.Check(node, kind, KubernetesSchemaPath(key));
        foreach (var (at, problem) in problems)
        {
            errors.Add(new SettingsError(at, Show(ValueAt(node, at[KubernetesSchemaPath(key).Length..])), problem));
        }

        return problems.Count == 0 ? new KubernetesValue(kind, node.ToJsonString()) : null;
    }

    private string KubernetesSchemaPath(ConfigKey key) => KeyOf(key);

    /// <summary>The value at a relative path (<c>[0].effect</c>) of a node, as written, for an error.</summary>
    private static string ValueAt(JsonNode node, string relative)
    {
        JsonNode? at = node;
        foreach (Match m in PathPart().Matches(relative))
        {
            at = m.Groups[1].Success ? (at as JsonArray)?[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] : (at as JsonObject)?[m.Groups[2].Value];
        }

        return at is null ? "(missing)" : Written(at);
    }

    [GeneratedRegex(@"\[(\d+)\]|\.([^.\[]+)")]
    private static partial Regex PathPart();
}
