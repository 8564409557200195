using System.Globalization;
using System.Text.Json.Nodes;

namespace Superset.Planning;

/// <summary>
/// CPU and memory quantities as a container's resources write them (kubernetes/apimachinery
/// pkg/api/resource/quantity.go@v0.36.1: a decimal number with a suffix, m for milli, Ki Mi Gi Ti binary,
/// k M G T decimal), for pricing the sidecars a stack adds.
/// </summary>
public static class Quantities
{
    /// <summary>Millicores of a CPU quantity (<c>250m</c>, <c>0.5</c>, <c>2</c>); null when it is not one.</summary>
    public static decimal? Millicores(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EndsWith('m') ? Number(text[..^1]) : Number(text) * 1000m;
    }

    /// <summary>MiB of a memory quantity (<c>128Mi</c>, <c>1Gi</c>, <c>500M</c>, bytes); null when it is not one.</summary>
    public static decimal? Mebibytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        (string Suffix, decimal Bytes)[] suffixes =
        [
            ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
            ("k", 1000m), ("M", 1000m * 1000), ("G", 1000m * 1000 * 1000), ("T", 1000m * 1000 * 1000 * 1000),
        ];
        foreach (var (suffix, bytes) in suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return Number(text[..^suffix.Length]) * bytes / (1024m * 1024);
            }
        }

        return Number(text) / (1024m * 1024);
    }

    /// <summary>What the containers ask for: each one's requests, or its limits where it sets no request (Kubernetes copies them).</summary>
    public static (int CpuMillis, int MemoryMi) Requests(IEnumerable<JsonNode?> containers)
    {
        decimal cpu = 0, memory = 0;
        foreach (var c in containers)
        {
            var resources = c?["resources"];
            string? Of(string name) => (resources?["requests"]?[name] ?? resources?["limits"]?[name]) is JsonValue v ? v.ToString() : null;
            cpu += Of("cpu") is { } q ? Millicores(q) ?? 0 : 0;
            memory += Of("memory") is { } m ? Mebibytes(m) ?? 0 : 0;
        }

        return ((int)decimal.Ceiling(cpu), (int)decimal.Ceiling(memory));
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;
}
