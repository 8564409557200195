using System.Text.Json;
using System.Text.Json.Nodes;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>One key the stack's config sets: its registry entry, its concrete path (<c>queues.exports.minReplicas</c>) and raw value.</summary>
/// <param name="Key">The registered key (<c>queues.&lt;name&gt;.minReplicas</c>).</param>
/// <param name="Path">Its path in this stack, below <c>superset:</c>.</param>
/// <param name="Raw">Its value as the source holds it (objects and lists as JSON).</param>
public sealed record PresentKey(ConfigKey Key, string Path, string? Raw);

/// <summary>Every registered key a source sets, objects before their fields; unregistered ones are the readers' to refuse.</summary>
public static class PresentKeys
{
    public static IReadOnlyList<PresentKey> Of(IConfigSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var found = new List<PresentKey>();
        foreach (var name in (source.Keys ?? []).Order(StringComparer.Ordinal))
        {
            if (ConfigKeys.Find(name) is { } key)
            {
                var raw = source.Get(name);
                Visit(key, name, raw, key.Kind is ValueKind.Object or ValueKind.Map ? Parse(raw) : null, found);
            }
        }

        return found;
    }

    private static void Visit(ConfigKey key, string path, string? raw, JsonObject? obj, List<PresentKey> found)
    {
        found.Add(new PresentKey(key, path, raw));
        foreach (var (field, value) in obj ?? [])
        {
            var childPath = key.Kind == ValueKind.Map ? $"{key.Path}.<name>" : $"{key.Path}.{field}";
            if (ConfigKeys.Find(childPath) is { } child)
            {
                Visit(child, $"{path}.{field}", value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString(), value as JsonObject, found);
            }
        }
    }

    private static JsonObject? Parse(string? raw)
    {
        try
        {
            return raw is null ? null : JsonNode.Parse(raw) as JsonObject;
        }
        catch (JsonException)
        {
            return null; // refused by its reader
        }
    }
}
