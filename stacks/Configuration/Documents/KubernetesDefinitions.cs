using System.Text.Json.Nodes;
using Superset.Catalog.Kubernetes;

namespace Superset.Configuration.Documents;

/// <summary>
/// The Kubernetes field table (stacks/Catalog/Kubernetes) as JSON Schema definitions of
/// <c>superset.schema.json</c>, so an editor checks a toleration or a sidecar as the program does:
/// unknown fields, kinds of values, required fields, the enumerations.
/// </summary>
internal static class KubernetesDefinitions
{
    /// <summary>Every type of the table, by name.</summary>
    public static JsonObject All() => new(KubernetesSchema.Types().Select(t => KeyValuePair.Create(t, (JsonNode?)Type(t))));

    /// <summary>The schema of a kind: a reference to a type, or a list or map of one.</summary>
    public static JsonObject Of(string kind) => kind switch
    {
        _ when kind.StartsWith("list:", StringComparison.Ordinal) => new JsonObject { ["type"] = "array", ["items"] = Of(kind[5..]) },
        _ when kind.StartsWith("map:", StringComparison.Ordinal) => new JsonObject { ["type"] = "object", ["additionalProperties"] = Of(kind[4..]) },
        "string" => new JsonObject { ["type"] = "string" },
        "integer" => new JsonObject { ["type"] = "integer" },
        "number" => new JsonObject { ["type"] = "number" },
        "boolean" => new JsonObject { ["type"] = "boolean" },
        "int-or-string" => new JsonObject { ["type"] = new JsonArray("integer", "string") },
        "json" => [],
        _ => new JsonObject { ["$ref"] = $"#/definitions/{kind}" },
    };

    private static JsonObject Type(string name)
    {
        var properties = new JsonObject();
        foreach (var (field, kind) in KubernetesSchema.Fields(name).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var schema = Of(kind);
            if (KubernetesEnums.Of(name, field) is { } values)
            {
                schema["enum"] = new JsonArray(values.Values.Select(v => (JsonNode?)v).ToArray());
            }

            properties[field] = schema;
        }

        var type = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (KubernetesSchema.Required(name) is { Count: > 0 } required)
        {
            type["required"] = new JsonArray(required.Select(r => (JsonNode?)r).ToArray());
        }

        return type;
    }
}
