using System.Collections;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Superset.Analysis.Render;

/// <summary>
/// Writes what <c>render</c> captured: every Kubernetes object as an apply-ready manifest, one per
/// file, and every other resource as a YAML document with its type token, name and inputs. Secret
/// values are masked: a Kubernetes Secret's <c>data</c>/<c>stringData</c>, and any input whose name
/// says it is a password, token or key.
/// </summary>
public static partial class ManifestWriter
{
    /// <summary>What a masked value is replaced with.</summary>
    public const string Masked = "(secret)";

    private static readonly ISerializer Yaml = new SerializerBuilder().DisableAliases().WithQuotingNecessaryStrings().Build();

    /// <summary>One resource's file name and YAML.</summary>
    public static (string FileName, string Yaml) Render(RenderedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.IsKubernetes)
        {
            // Kubernetes objects mask only Secret data: a field named like a credential elsewhere (a
            // volume's `secret:` source) is a reference, not a value.
            var manifest = (Dictionary<string, object?>)Plain(resource.Inputs, maskAll: false, maskKeys: false)!;
            if (Equals(manifest.GetValueOrDefault("kind"), "Secret"))
            {
                foreach (var field in new[] { "data", "stringData" })
                {
                    if (manifest.GetValueOrDefault(field) is Dictionary<string, object?> values)
                    {
                        manifest[field] = values.Keys.ToDictionary(k => k, _ => (object?)Masked);
                    }
                }
            }

            var metadata = manifest.GetValueOrDefault("metadata") as Dictionary<string, object?>;
            var objectName = metadata?.GetValueOrDefault("name") as string ?? resource.Name;
            var file = $"k8s-{Slug((string)manifest["kind"]!)}-{Slug(objectName)}.yaml";
            return (file, Yaml.Serialize(manifest));
        }

        var document = new Dictionary<string, object?>
        {
            ["type"] = resource.Type,
            ["name"] = resource.Name,
            ["inputs"] = Plain(resource.Inputs, maskAll: false, maskKeys: true),
        };
        return ($"resource-{Slug(resource.Type)}-{Slug(resource.Name)}.yaml", Yaml.Serialize(document));
    }

    /// <summary>
    /// An engine value (immutable dictionaries and arrays, numbers as doubles) as plain dictionaries,
    /// lists, strings, booleans and whole numbers, unmasked: what the tests inspect.
    /// </summary>
    public static object? ToPlain(object? value) => Plain(value, maskAll: false, maskKeys: false);

    private static object? Plain(object? value, bool maskAll, bool maskKeys)
    {
        if (maskAll && value is not null and not IDictionary and not (IEnumerable and not string))
        {
            return Masked;
        }

        return value switch
        {
            null => null,
            string s => s,
            bool b => b,
            // The engine carries numbers as doubles; whole numbers are written as integers.
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
            // A fraction stays a number (a CloudWatch threshold, an HPA's tolerance): written as text
            // it would read back as a string, which the providers' schemas refuse.
            double d => d,
            int or long => value,
            IDictionary dict => dict.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal)
                .ToDictionary(k => k.ToString()!, k => Plain(dict[k], maskAll || (maskKeys && IsSecretKey(k.ToString()!)), maskKeys)),
            IEnumerable list => list.Cast<object?>().Select(v => Plain(v, maskAll, maskKeys)).ToList(),
            _ => value.ToString(),
        };
    }

    /// <summary>Input names that hold credentials in the providers this program uses.</summary>
    internal static bool IsSecretKey(string key) => SecretKey().IsMatch(key);

    [GeneratedRegex("(?i)^(password|masterPassword|authToken|secret|secretKey|privateKey|token|result)$")]
    private static partial Regex SecretKey();

    private static string Slug(string text) => NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
