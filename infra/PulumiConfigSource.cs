using System.Text.Json;
using Superset.Configuration;
using Superset.Configuration.Reading;

namespace Superset.Infra;

/// <summary>
/// Pulumi config as an <see cref="IConfigSource"/>: the same loader and validation as <c>plan</c>.
/// Pulumi hands structured values (<c>superset:sizing</c>) to .NET programs as JSON text, which is
/// the shape the loader expects.
/// </summary>
internal sealed class PulumiConfigSource(Pulumi.Config config, string stack) : IConfigSource
{
    /// <summary>
    /// The environment variable through which the Pulumi language host passes a stack's whole
    /// config to a .NET program (a JSON object of "namespace:key" → value; the SDK reads the same
    /// variable in Deployment_Config.cs). Pulumi's public Config API cannot list keys, so this is
    /// the one way to refuse a misspelt <c>superset:</c> key; without it nothing is refused.
    /// </summary>
    internal const string ConfigVariable = "PULUMI_CONFIG";

    public string Origin => $"the config of stack {stack} (Pulumi.{stack}.yaml)";

    public string? Get(string key) => config.Get(key);

    /// <summary><c>aws:region</c> and the like, through Pulumi's config of that namespace.</summary>
    public string? GetQualified(string qualifiedKey)
    {
        var colon = qualifiedKey.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : new Pulumi.Config(qualifiedKey[..colon]).Get(qualifiedKey[(colon + 1)..]);
    }

    public IReadOnlyCollection<string>? Keys => KeysOf(Environment.GetEnvironmentVariable(ConfigVariable));

    internal static IReadOnlyCollection<string>? KeysOf(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        const string prefix = StackFile.Namespace + ":";
        return doc.RootElement.EnumerateObject()
            .Select(p => p.Name)
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            // Pulumi also accepts "superset:config:key" for namespaced keys.
            .Select(n => n[prefix.Length..].Replace("config:", "", StringComparison.Ordinal))
            .ToList();
    }
}
