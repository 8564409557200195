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

    /// <summary>
    /// The variable listing which of those keys hold secrets (a JSON array of full keys), which the
    /// SDK reads beside <see cref="ConfigVariable"/> (pulumi/pulumi-dotnet
    /// sdk/Pulumi/Deployment/Deployment_Config.cs@v3.112.1, <c>PULUMI_CONFIG_SECRET_KEYS</c>).
    /// </summary>
    internal const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    public IReadOnlyCollection<string>? AllKeys => AllKeysOf(Environment.GetEnvironmentVariable(ConfigVariable));

    public bool? IsSecret(string key) => IsSecretIn(Environment.GetEnvironmentVariable(SecretKeysVariable), key);

    internal static IReadOnlyCollection<string>? KeysOf(string? json)
    {
        const string prefix = StackFile.Namespace + ":";
        return AllKeysOf(json)?
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n[prefix.Length..])
            .ToList();
    }

    /// <summary>Every key, namespaced; "ns:config:key" (older language hosts) as "ns:key", as the SDK's CleanKey does.</summary>
    internal static IReadOnlyCollection<string>? AllKeysOf(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().Select(p => Clean(p.Name)).ToList();
    }

    internal static bool? IsSecretIn(string? json, string key)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        var full = $"{StackFile.Namespace}:{key}";
        return doc.RootElement.EnumerateArray().Any(e => Clean(e.GetString() ?? "") == full);
    }

    private static string Clean(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && key[(colon + 1)..].StartsWith("config:", StringComparison.Ordinal)
            ? key[..colon] + ":" + key[(colon + 1 + "config:".Length)..]
            : key;
    }
}
