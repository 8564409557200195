using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Superset.Configuration.Keys;
using Superset.Configuration.Reading;

namespace Superset.Configuration.Documents;

/// <summary>
/// <c>superset.schema.json</c>: a JSON Schema (draft-07, what editors' YAML support reads) of a stack
/// file, written from the key registry. Every <c>superset:</c> key with its kind, range, pattern,
/// description and default; unknown <c>superset:</c> keys and un-namespaced keys refused; other
/// namespaces (<c>aws:</c>, <c>kubernetes:</c>) left to their providers. Numbers and booleans are
/// also accepted as text, as the program accepts them (<c>pulumi config set</c> writes text).
/// </summary>
public static class StackFileSchema
{
    /// <summary>The file name at the repository root.</summary>
    public const string FileName = "superset.schema.json";

    /// <summary>The schema, indented, with a final newline.</summary>
    public static string Json()
    {
        var config = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Stack config: superset: keys are this program's (docs/config.md); other namespaces belong to their providers.",
            ["properties"] = new JsonObject(ConfigKeys.ChildrenOf("").Select(k => KeyValuePair.Create($"{StackFile.Namespace}:{k.Path}", (JsonNode?)Schema(k)))),
            ["patternProperties"] = new JsonObject { [$"^(?!{StackFile.Namespace}:)[A-Za-z0-9_.-]+:.+$"] = new JsonObject() },
            ["additionalProperties"] = false,
        };
        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = "https://github.com/superset-on-pulumi/superset/superset.schema.json",
            ["title"] = "Pulumi stack file of the Superset program (Pulumi.<stack>.yaml)",
            ["description"] = "Written by `dotnet run --project stacks/Cli -- schema` from the key registry (stacks/Configuration/Keys); edit the registry, not this file.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["config"] = config,
                ["secretsprovider"] = new JsonObject { ["type"] = "string" },
                ["encryptedkey"] = new JsonObject { ["type"] = "string" },
                ["encryptionsalt"] = new JsonObject { ["type"] = "string" },
                ["environment"] = new JsonObject(),
            },
            ["additionalProperties"] = false,
            // The Kubernetes types the scheduling, pod-addition keys hold, as the pinned provider declares them.
            ["definitions"] = KubernetesDefinitions.All(),
        };
        return root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        }) + "\n";
    }

    private static JsonObject Schema(ConfigKey key)
    {
        var schema = key.Kind switch
        {
            ValueKind.Object => new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject(ConfigKeys.ChildrenOf(key.Path).Select(k => KeyValuePair.Create(k.Field, (JsonNode?)Schema(k)))),
                ["additionalProperties"] = false,
            },
            ValueKind.Map => new JsonObject
            {
                ["type"] = "object",
                ["propertyNames"] = Text(key),
                ["additionalProperties"] = Schema(ConfigKeys.Find($"{key.Path}.<name>")!),
            },
            ValueKind.StringList => new JsonObject { ["type"] = "array", ["items"] = Text(key) },
            ValueKind.StringMap => new JsonObject
            {
                ["type"] = "object",
                ["propertyNames"] = new JsonObject { ["type"] = "string", ["pattern"] = key.KeyPattern },
                ["additionalProperties"] = key.Pattern is null ? new JsonObject { ["type"] = "string" } : new JsonObject { ["type"] = "string", ["pattern"] = key.Pattern },
            },
            ValueKind.Kubernetes => KubernetesDefinitions.Of(key.KubernetesKind!),
            ValueKind.Integer or ValueKind.Number => Number(key),
            ValueKind.Boolean => new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "boolean" }, new JsonObject { ["type"] = "string", ["pattern"] = "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$" }),
            },
            _ when key.Secret => new JsonObject
            {
                // A secret is written by `pulumi config set --secret`: an object holding the ciphertext.
                ["type"] = "object",
                ["properties"] = new JsonObject { ["secure"] = new JsonObject { ["type"] = "string" } },
                ["required"] = new JsonArray("secure"),
                ["additionalProperties"] = false,
            },
            _ => Text(key),
        };
        var described = new JsonObject { ["description"] = Describe(key) };
        if (TierDefaultValues.Constant(key) is { } constant && key.Kind is not (ValueKind.Object or ValueKind.Map))
        {
            described["default"] = JsonValue.Create(constant);
        }

        foreach (var (name, value) in schema.ToList())
        {
            schema.Remove(name);
            described[name] = value;
        }

        return described;
    }

    private static JsonObject Text(ConfigKey key)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (key.Values is { } values)
        {
            schema["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        if (key.Pattern is { } pattern)
        {
            schema["pattern"] = pattern;
        }

        if (key.MaxLength is int max)
        {
            schema["maxLength"] = max;
        }

        return schema;
    }

    private static JsonObject Number(ConfigKey key)
    {
        var number = new JsonObject { ["type"] = key.Kind == ValueKind.Integer ? "integer" : "number" };
        if (key.Minimum is decimal min)
        {
            number["minimum"] = JsonValue.Create(min);
        }

        if (key.Maximum is decimal max)
        {
            number[key.MaximumExclusive ? "exclusiveMaximum" : "maximum"] = JsonValue.Create(max);
        }

        var text = new JsonObject { ["type"] = "string", ["pattern"] = key.Kind == ValueKind.Integer ? "^-?[0-9]+$" : "^-?[0-9]+(\\.[0-9]+)?$" };
        return new JsonObject { ["anyOf"] = new JsonArray(number, text) };
    }

    private static string Describe(ConfigKey key)
    {
        var text = key.Description;
        if (key.Kind is not (ValueKind.Object or ValueKind.Map))
        {
            text += string.Create(CultureInfo.InvariantCulture, $" Default: {TierDefaultValues.Describe(key)}.");
        }

        return text;
    }
}
