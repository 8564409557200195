using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Superset.Catalog.Kubernetes;

/// <summary>
/// The Kubernetes types a stack may write into its pods (tolerations, affinity, topology spread
/// constraints, containers, volumes, ports), as the pinned provider declares them:
/// <see cref="FileName"/> is read from Pulumi.Kubernetes 4.32.0's Args types (Kubernetes v1.36.1) and
/// compared with them by a test. A value is checked field by field: unknown fields, the kinds of
/// values, required fields and the enumerations of <see cref="KubernetesEnums"/>. What a field table
/// cannot say (a quantity's syntax, cross-field rules) is left to the API server and to
/// tests/manifests, which validates every rendered object against kubernetes-models' schemas.
/// </summary>
public static class KubernetesSchema
{
    /// <summary>The table's file name beside this one (an embedded resource).</summary>
    public const string FileName = "core-v1.json";

    private static readonly JsonObject Types_ = Load();

    /// <summary>Every type of the table, by name.</summary>
    public static IReadOnlyList<string> Types() => Types_.Select(t => t.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The fields a type requires.</summary>
    public static IReadOnlyList<string> Required(string type) => (Types_[type]!["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToList();

    /// <summary>Whether the table has the type (<c>core.v1.Toleration</c>).</summary>
    public static bool Has(string type) => Types_[type] is JsonObject;

    /// <summary>The fields of a type, by name, each with its kind (<c>string</c>, <c>list:core.v1.VolumeMount</c>…).</summary>
    public static IReadOnlyDictionary<string, string> Fields(string type) =>
        ((JsonObject)Types_[type]!["fields"]!).ToDictionary(f => f.Key, f => f.Value!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>
    /// Every problem of <paramref name="value"/> as a <paramref name="kind"/> (a type name, or
    /// <c>list:</c>/<c>map:</c> of one), each as (where, what is wrong); empty when it is valid.
    /// </summary>
    public static IReadOnlyList<(string At, string Problem)> Check(JsonNode? value, string kind, string at)
    {
        var problems = new List<(string, string)>();
        Visit(value, kind, at, problems);
        return problems;
    }

    private static void Visit(JsonNode? value, string kind, string at, List<(string, string)> problems)
    {
        if (value is null)
        {
            problems.Add((at, "a value (null is not one)"));
            return;
        }

        if (kind.StartsWith("list:", StringComparison.Ordinal))
        {
            if (value is not JsonArray array)
            {
                problems.Add((at, "a list"));
                return;
            }

            for (var i = 0; i < array.Count; i++)
            {
                Visit(array[i], kind[5..], $"{at}[{i.ToString(CultureInfo.InvariantCulture)}]", problems);
            }

            return;
        }

        if (kind.StartsWith("map:", StringComparison.Ordinal))
        {
            if (value is not JsonObject map)
            {
                problems.Add((at, "a mapping of names to values"));
                return;
            }

            foreach (var (k, v) in map)
            {
                Visit(v, kind[4..], $"{at}.{k}", problems);
            }

            return;
        }

        if (Scalar(value, kind) is { } expected)
        {
            problems.Add((at, expected));
            return;
        }

        if (Has(kind))
        {
            Object(value, kind, at, problems);
        }
    }

    /// <summary>What a scalar kind wants when <paramref name="value"/> is not one; null when it is, or the kind is not a scalar.</summary>
    private static string? Scalar(JsonNode value, string kind)
    {
        var json = value.GetValueKind();
        return kind switch
        {
            "string" => json == JsonValueKind.String ? null : "text",
            "integer" => json == JsonValueKind.Number && value.ToJsonString().All(c => char.IsAsciiDigit(c) || c == '-') ? null : "a whole number",
            "number" => json == JsonValueKind.Number ? null : "a number",
            "boolean" => json is JsonValueKind.True or JsonValueKind.False ? null : "true or false",
            "int-or-string" => json is JsonValueKind.String or JsonValueKind.Number ? null : "a number or a name",
            "json" => null,
            _ => null,
        };
    }

    private static void Object(JsonNode value, string type, string at, List<(string, string)> problems)
    {
        if (value is not JsonObject obj)
        {
            problems.Add((at, $"a mapping (Kubernetes {type})"));
            return;
        }

        var fields = Fields(type);
        foreach (var (name, child) in obj)
        {
            if (!fields.TryGetValue(name, out var kind))
            {
                var near = Suggestions.Closest(name, fields.Keys, maxEdits: 2);
                problems.Add(($"{at}.{name}", $"a field of Kubernetes {type}{(near is null ? "" : $" (did you mean {near}?)")}: {string.Join(", ", fields.Keys)}"));
                continue;
            }

            Visit(child, kind, $"{at}.{name}", problems);
            if (child is JsonValue text && text.GetValueKind() == JsonValueKind.String
                && KubernetesEnums.Of(type, name) is { } allowed && !allowed.Values.Contains(text.GetValue<string>(), StringComparer.Ordinal))
            {
                problems.Add(($"{at}.{name}", $"one of {string.Join(", ", allowed.Values)} ({allowed.Source})"));
            }
        }

        foreach (var required in (Types_[type]!["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
        {
            if (obj[required] is null)
            {
                problems.Add(($"{at}.{required}", $"a value: Kubernetes {type} requires {required}"));
            }
        }
    }

    private static JsonObject Load()
    {
        using var stream = typeof(KubernetesSchema).Assembly.GetManifestResourceStream($"Superset.Catalog.Kubernetes.{FileName}")
            ?? throw new InvalidOperationException($"{FileName} is not embedded in {typeof(KubernetesSchema).Assembly.GetName().Name}");
        return (JsonObject)JsonNode.Parse(stream)!["types"]!;
    }
}
