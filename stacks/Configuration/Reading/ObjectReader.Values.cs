using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>The typed reads of <see cref="ObjectReader"/>: each checks the key's kind and range and records what is wrong.</summary>
internal sealed partial class ObjectReader
{
    /// <summary>A whole number in the key's range, or <paramref name="fallback"/> when absent or invalid.</summary>
    public int Int(ConfigKey key, int fallback) => NullableInt(key) ?? fallback;

    /// <summary>A whole number in the key's range; null when absent or invalid.</summary>
    public int? NullableInt(ConfigKey key)
    {
        var expected = $"a whole number from {(int)Own(key).Minimum!} to {(int)key.Maximum!}{key.Why}";
        var number = Number(key, expected);
        if (number is null)
        {
            return null;
        }

        if (number != decimal.Truncate(number.Value) || number < key.Minimum || number > key.Maximum)
        {
            Fail(key, expected);
            return null;
        }

        return (int)number.Value;
    }

    /// <summary>
    /// The value of a scalar key of any kind when present and valid (its range, pattern and
    /// <see cref="ConfigKey.Refine"/>), else null with the problem recorded.
    /// </summary>
    public object? Value(ConfigKey key)
    {
        if (!Has(key))
        {
            return null;
        }

        object? value = key.Kind switch
        {
            ValueKind.Integer => NullableInt(key),
            ValueKind.Number => NullableDecimal(key),
            ValueKind.Boolean => NullableBool(key),
            ValueKind.String => NullableString(key),
            ValueKind.StringList => StringList(key) is { Count: > 0 } list ? list : null,
            ValueKind.Map => ScalarMap(key).ToDictionary(e => e.Key, e => (string)e.Value, StringComparer.Ordinal) is { Count: > 0 } map ? (IReadOnlyDictionary<string, string>)map : null,
            ValueKind.StringMap => StringMap(key),
            ValueKind.Kubernetes => Kubernetes(key),
            _ => throw new InvalidOperationException($"{key.Path} is not a scalar"),
        };
        if (value is not null && key.Refine?.Invoke(value) is { } problem)
        {
            Fail(key, problem);
            return null;
        }

        return value;
    }

    /// <summary>A number in the key's range, or <paramref name="fallback"/>.</summary>
    public decimal Decimal(ConfigKey key, decimal fallback) => NullableDecimal(key) ?? fallback;

    /// <summary>A number in the key's range; null when absent or invalid.</summary>
    public decimal? NullableDecimal(ConfigKey key)
    {
        var (min, max) = (Own(key).Minimum!.Value, key.Maximum!.Value);
        var range = key.MaximumExclusive ? $"{min} ≤ x < {max}" : $"{min} ≤ x ≤ {max}";
        var number = Number(key, $"a number with {range}{key.Why}");
        if (number is null)
        {
            return null;
        }

        if (number < min || number > max || (key.MaximumExclusive && number == max))
        {
            Fail(key, $"a number with {range}{key.Why}");
            return null;
        }

        return number.Value;
    }

    /// <summary>true or false (also as text), or <paramref name="fallback"/>.</summary>
    public bool Bool(ConfigKey key, bool fallback) => NullableBool(key) ?? fallback;

    /// <summary>true or false (also as text); null when absent or invalid.</summary>
    public bool? NullableBool(ConfigKey key)
    {
        var node = obj[Own(key).Field];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String && bool.TryParse(s.GetValue<string>(), out var parsed))
        {
            return parsed;
        }

        Fail(key, "true or false");
        return null;
    }

    /// <summary>A text the key accepts, or <paramref name="fallback"/>.</summary>
    public string String(ConfigKey key, string fallback)
    {
        var node = obj[Own(key).Field];
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && key.Accepts(v.GetValue<string>()))
        {
            return v.GetValue<string>();
        }

        // An unquoted whole number (postgresVersion: 16) is the text it spells; a fraction is not
        // (16.10 would arrive as 16.1).
        if (node is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.ToJsonString().All(char.IsAsciiDigit) && key.Accepts(n.ToJsonString()))
        {
            return n.ToJsonString();
        }

        Fail(key, key.Expected ?? "a valid value");
        return fallback;
    }

    /// <summary>An optional text; null when absent or invalid (an empty text is invalid).</summary>
    public string? NullableString(ConfigKey key)
    {
        var value = String(key, "");
        return value.Length == 0 ? null : value;
    }

    /// <summary>A list of texts, each one the key accepts; empty when absent or invalid.</summary>
    public IReadOnlyList<string> StringList(ConfigKey key)
    {
        var node = obj[Own(key).Field];
        if (node is null)
        {
            return [];
        }

        if (node is JsonArray array && array.All(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.String && key.Accepts(v.GetValue<string>())))
        {
            return array.Select(e => e!.GetValue<string>()).ToList();
        }

        Fail(key, $"a list of {key.Expected}");
        return [];
    }

    private decimal? Number(ConfigKey key, string expected)
    {
        var node = obj[key.Field];
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

        Fail(key, expected);
        return null;
    }
}
