using System.Text.Json;
using System.Text.Json.Nodes;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// The map reads of <see cref="ObjectReader"/>: a field holding names → values (<c>env</c>,
/// <c>featureFlags</c>, <c>auth.roleMapping</c>) or names → objects (<c>secretEnv</c>,
/// <c>auth.providers</c>), each name checked against the map key and each value against its entry key.
/// </summary>
internal sealed partial class ObjectReader
{
    /// <summary>
    /// The entries of a map field whose values are scalars or lists of text, in the file's order; an
    /// entry with a name or value that is not valid is recorded and left out.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object>> ScalarMap(ConfigKey map)
    {
        var entry = EntryKey(map);
        var result = new List<KeyValuePair<string, object>>();
        foreach (var (name, node) in MapNodes(map))
        {
            var full = $"{KeyOf(map)}.{name}";
            if (!map.Accepts(name))
            {
                errors.Add(new SettingsError(full, Show(name), map.Expected ?? "a valid name"));
                continue;
            }

            if (EntryValue(entry, node) is { } value)
            {
                if (entry.Refine?.Invoke(value) is { } problem)
                {
                    errors.Add(new SettingsError(full, Show(Written(node)), problem));
                    continue;
                }

                result.Add(KeyValuePair.Create(name, value));
            }
            else
            {
                var expected = entry.Kind switch
                {
                    ValueKind.Boolean => "true or false",
                    ValueKind.StringList => $"a list of {entry.Expected}",
                    _ => entry.Expected ?? "a valid value",
                };
                errors.Add(new SettingsError(full, Show(Written(node)), expected));
            }
        }

        return result;
    }

    /// <summary>The entries of a map field whose values are objects, each as a reader of its own (names checked).</summary>
    public IReadOnlyList<(string Name, ObjectReader Reader)> ObjectMap(ConfigKey map)
    {
        var result = new List<(string, ObjectReader)>();
        var child = Child(map);
        foreach (var (name, _) in MapNodes(map))
        {
            if (!map.Accepts(name))
            {
                errors.Add(new SettingsError($"{KeyOf(map)}.{name}", Show(name), map.Expected ?? "a valid name"));
                continue;
            }

            result.Add((name, child.Entry(name)));
        }

        return result;
    }

    private IEnumerable<(string Name, JsonNode? Node)> MapNodes(ConfigKey map)
    {
        var node = obj[Own(map).Field];
        if (node is null)
        {
            return [];
        }

        if (node is JsonObject o)
        {
            return o.Select(kv => (kv.Key, kv.Value)).ToList();
        }

        Fail(map, "a mapping of names to values");
        return [];
    }

    private static ConfigKey EntryKey(ConfigKey map) =>
        ConfigKeys.Find($"{map.Path}.<name>") ?? throw new InvalidOperationException($"{map.Path} has no entry key");

    private static object? EntryValue(ConfigKey entry, JsonNode? node) => entry.Kind switch
    {
        ValueKind.Boolean when node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        ValueKind.Boolean when node is JsonValue s && s.GetValueKind() == JsonValueKind.String && bool.TryParse(s.GetValue<string>(), out var b) => b,
        ValueKind.String when node is JsonValue v && v.GetValueKind() == JsonValueKind.String && entry.Accepts(v.GetValue<string>()) => v.GetValue<string>(),
        ValueKind.String when node is JsonValue n && n.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False && entry.Accepts(n.ToJsonString()) => n.ToJsonString(),
        ValueKind.StringList when node is JsonArray a && a.Count > 0 && a.All(e => e is JsonValue x && x.GetValueKind() == JsonValueKind.String && entry.Accepts(x.GetValue<string>())) =>
            (IReadOnlyList<string>)a.Select(e => e!.GetValue<string>()).ToList(),
        _ => null,
    };
}
