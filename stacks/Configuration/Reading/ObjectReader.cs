using System.Text.Json;
using System.Text.Json.Nodes;
using Superset.Catalog;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads the fields of one config object through the registry (<see cref="ConfigKeys"/>): each
/// field's range and the message naming the full key come from its <see cref="ConfigKey"/>. Records
/// every problem in the shared list instead of stopping at the first; fields the registry does not
/// have under this object are reported as unknown (a typo must not silently fall back to a default).
/// </summary>
internal sealed partial class ObjectReader
{
    private readonly JsonObject obj;
    private readonly string template;
    private readonly string path;
    private readonly List<SettingsError> errors;

    /// <param name="obj">The object, or null when absent.</param>
    /// <param name="template">Its path in the registry (<c>queues.&lt;name&gt;</c>).</param>
    /// <param name="path">Its full key for messages (<c>superset:queues.exports</c>).</param>
    /// <param name="errors">Where problems go.</param>
    public ObjectReader(JsonObject? obj, string template, string path, List<SettingsError> errors)
    {
        this.obj = obj ?? [];
        this.template = template;
        this.path = path;
        this.errors = errors;
    }

    /// <summary>Parses a top-level key that must hold an object; an empty reader when absent.</summary>
    public static ObjectReader ForKey(IConfigSource source, ConfigKey key, List<SettingsError> errors)
    {
        var raw = source.Get(key.Path);
        var full = $"{StackFile.Namespace}:{key.Path}";
        if (raw is null || raw == "null")
        {
            return new ObjectReader(null, key.Path, full, errors);
        }

        try
        {
            if (JsonNode.Parse(raw) is JsonObject parsed)
            {
                return new ObjectReader(parsed, key.Path, full, errors);
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            errors.Add(new SettingsError(full, Show(raw), $"an object; the JSON could not be read: {ex.Message}"));
            return new ObjectReader(null, key.Path, full, errors);
        }

        errors.Add(new SettingsError(full, Show(raw), "an object (a YAML mapping of keys to values)"));
        return new ObjectReader(null, key.Path, full, errors);
    }

    /// <summary>The full key of a field, for messages.</summary>
    public string KeyOf(ConfigKey key) => Sub(Own(key).Field);

    /// <summary>
    /// A reader of the top level, for a top-level key that is a map (<c>superset:env</c>): its fields
    /// are the stack's keys, read with <see cref="ScalarMap"/> and <see cref="ObjectMap"/>.
    /// </summary>
    public static ObjectReader Root(IConfigSource source, ConfigKey key, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(key);
        var raw = source.Get(key.Path);
        JsonNode? node = null;
        try
        {
            node = raw is null or "null" ? null : JsonNode.Parse(raw);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            node = JsonValue.Create(raw);
        }

        return new ObjectReader(new JsonObject { [key.Path] = node }, "", StackFile.Namespace, errors);
    }

    /// <summary>The full key of a field of this object.</summary>
    private string Sub(string field) => template.Length == 0 ? $"{StackFile.Namespace}:{field}" : $"{path}.{field}";

    /// <summary>The names of the fields present, in order.</summary>
    public IEnumerable<string> FieldNames => obj.Select(kv => kv.Key);

    /// <summary>Whether a field is present.</summary>
    public bool Has(ConfigKey key) => obj[Own(key).Field] is not null;

    /// <summary>An object field, as a reader of its own.</summary>
    public ObjectReader Child(ConfigKey key) => Nested(Own(key).Field, key.Path);

    /// <summary>An entry of a map field read by this reader (<c>queues</c> → <c>queues.exports</c>).</summary>
    public ObjectReader Entry(string name) => Nested(name, $"{template}.<name>");

    private ObjectReader Nested(string field, string childTemplate)
    {
        var node = obj[field];
        if (node is null or JsonObject)
        {
            return new ObjectReader(node as JsonObject, childTemplate, Sub(field), errors);
        }

        errors.Add(new SettingsError(Sub(field), Show(node.ToJsonString()), "an object (a YAML mapping of keys to values)"));
        return new ObjectReader(null, childTemplate, Sub(field), errors);
    }

    /// <summary>Reports every field present that the registry does not have under this object.</summary>
    public void RejectUnknown()
    {
        if (ConfigKeys.Find(template)?.Kind == ValueKind.Map)
        {
            return; // a map's entries are names, read one by one
        }

        var known = ConfigKeys.ChildrenOf(template).Select(k => k.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            if (!known.Contains(name))
            {
                errors.Add(new SettingsError($"{path}.{name}", Show(value?.ToJsonString() ?? "null"),
                    $"unknown key; {Suggestions.DidYouMean(name, known)}valid keys here are: {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
            }
        }
    }

    /// <summary>Records a problem with the name of a map entry.</summary>
    public void FailName(string name, string expected) => errors.Add(new SettingsError($"{path}.{name}", Show(name), expected));

    /// <summary>Records a problem with a field: its full key, the value found, what is valid.</summary>
    public void Fail(ConfigKey key, string expected) =>
        errors.Add(new SettingsError(KeyOf(key), Show(Written(obj[key.Field])), expected));

    /// <summary>A value as the stack file has it: text without JSON's quotes, anything else as JSON.</summary>
    private static string Written(JsonNode? node) => node switch
    {
        null => "(missing)",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>The key, after checking it is one of this object's: reading an unregistered key is a bug.</summary>
    private ConfigKey Own(ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Parent == template
            ? key
            : throw new InvalidOperationException($"{key.Path} is not a field of {template}");
    }

    internal static string Show(string raw) => raw.Length == 0 ? "(empty)" : raw.Length > 80 ? raw[..77] + "..." : raw;
}
