using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads the fields of one config object, each with its default, range and a message that names
/// the full key. Records every problem in the shared list instead of stopping at the first; keys
/// it was never asked about are reported as unknown (a typo must not silently fall back to a default).
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonObject obj;
    private readonly string path;
    private readonly List<SettingsError> errors;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    public ObjectReader(JsonObject? obj, string path, List<SettingsError> errors)
    {
        this.obj = obj ?? [];
        this.path = path;
        this.errors = errors;
    }

    /// <summary>Parses a top-level key that must hold an object; null when absent.</summary>
    public static ObjectReader ForKey(IConfigSource source, string key, List<SettingsError> errors)
    {
        var raw = source.Get(key);
        var full = $"{StackFile.Namespace}:{key}";
        if (raw is null || raw == "null")
        {
            return new ObjectReader(null, full, errors);
        }

        try
        {
            if (JsonNode.Parse(raw) is JsonObject parsed)
            {
                return new ObjectReader(parsed, full, errors);
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            errors.Add(new SettingsError(full, Show(raw), $"an object; the JSON could not be read: {ex.Message}"));
            return new ObjectReader(null, full, errors);
        }

        errors.Add(new SettingsError(full, Show(raw), "an object (a YAML mapping of keys to values)"));
        return new ObjectReader(null, full, errors);
    }

    /// <summary>The key of a field, for messages.</summary>
    public string KeyOf(string field) => $"{path}.{field}";

    /// <summary>The names of the fields present, in order.</summary>
    public IEnumerable<string> FieldNames => obj.Select(kv => kv.Key);

    /// <summary>A list of strings, each valid; empty when absent.</summary>
    public IReadOnlyList<string> StringList(string field, Func<string, bool> valid, string expected)
    {
        known.Add(field);
        var node = obj[field];
        if (node is null)
        {
            return [];
        }

        if (node is JsonArray array && array.All(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.String && valid(v.GetValue<string>())))
        {
            return array.Select(e => e!.GetValue<string>()).ToList();
        }

        Fail(field, $"a list of {expected}");
        return [];
    }

    /// <summary>An optional string field; null when absent.</summary>
    public string? NullableString(string field, Func<string, bool> valid, string expected)
    {
        var value = String(field, "", v => v.Length > 0 && valid(v), expected);
        return value.Length == 0 ? null : value;
    }

    /// <summary>A field that holds an object, as a reader of its own.</summary>
    public ObjectReader Child(string field)
    {
        known.Add(field);
        var node = obj[field];
        if (node is null or JsonObject)
        {
            return new ObjectReader(node as JsonObject, KeyOf(field), errors);
        }

        errors.Add(new SettingsError(KeyOf(field), Show(node.ToJsonString()), "an object (a YAML mapping of keys to values)"));
        return new ObjectReader(null, KeyOf(field), errors);
    }

    public bool Has(string field) => obj[field] is not null;

    public int Int(string field, int fallback, int min, int max, string why = "") =>
        NullableInt(field, min, max, why) ?? fallback;

    public int? NullableInt(string field, int min, int max, string why = "")
    {
        var number = Number(field, $"a whole number from {min} to {max}{why}");
        if (number is null)
        {
            return null;
        }

        if (number != decimal.Truncate(number.Value) || number < min || number > max)
        {
            Fail(field, $"a whole number from {min} to {max}{why}");
            return null;
        }

        return (int)number.Value;
    }

    public decimal Decimal(string field, decimal fallback, decimal min, decimal max, bool maxExclusive, string why = "")
    {
        var range = maxExclusive ? $"{min} ≤ x < {max}" : $"{min} ≤ x ≤ {max}";
        var number = Number(field, $"a number with {range}{why}");
        if (number is null)
        {
            return fallback;
        }

        if (number < min || number > max || (maxExclusive && number == max))
        {
            Fail(field, $"a number with {range}{why}");
            return fallback;
        }

        return number.Value;
    }

    public bool Bool(string field, bool fallback)
    {
        known.Add(field);
        var node = obj[field];
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String && bool.TryParse(s.GetValue<string>(), out var parsed))
        {
            return parsed;
        }

        Fail(field, "true or false");
        return fallback;
    }

    public string String(string field, string fallback, Func<string, bool> valid, string expected)
    {
        known.Add(field);
        var node = obj[field];
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && valid(v.GetValue<string>()))
        {
            return v.GetValue<string>();
        }

        Fail(field, expected);
        return fallback;
    }

    /// <summary>Reports every field present that no one asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var (name, value) in obj)
        {
            if (!known.Contains(name))
            {
                errors.Add(new SettingsError(KeyOf(name), Show(value?.ToJsonString() ?? "null"),
                    $"unknown key; valid keys here are: {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
            }
        }
    }

    private decimal? Number(string field, string expected)
    {
        known.Add(field);
        var node = obj[field];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            // `pulumi config set` stores top-level values as strings; accept a number written as text.
            if (v.GetValueKind() == JsonValueKind.String && decimal.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                return s;
            }
        }

        Fail(field, expected);
        return null;
    }

    private void Fail(string field, string expected) =>
        errors.Add(new SettingsError(KeyOf(field), Show(obj[field]?.ToJsonString() ?? "(missing)"), expected));

    internal static string Show(string raw) => raw.Length > 80 ? raw[..77] + "..." : raw;
}
