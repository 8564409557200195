using Superset.Catalog;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Checks on the stack's config as a whole, beyond the <c>superset:</c> keys one by one: a key meant
/// for this program but written under a misspelt namespace or none at all, an unknown
/// <c>superset:</c> key (with the key it was probably meant to be), and a secret written in plain text.
/// </summary>
internal static class StackFileChecks
{
    /// <summary>Namespaces of the providers a stack of this program configures: never ours to judge.</summary>
    private static readonly string[] Providers = ["aws", "kubernetes", "random", "pulumi"];

    public static void Check(IConfigSource source, IReadOnlyList<string> topLevelKeys, List<SettingsError> errors)
    {
        ForeignKeys(source, topLevelKeys, errors);
        UnknownKeys(source, topLevelKeys, errors);
        PlainSecrets(source, errors);
    }

    /// <summary>
    /// A bare key (Pulumi reads only <c>namespace:key</c>) or a namespace one typo away from
    /// <c>superset</c> would be read by nobody, and the setting it meant silently stays the default.
    /// </summary>
    private static void ForeignKeys(IConfigSource source, IReadOnlyList<string> topLevelKeys, List<SettingsError> errors)
    {
        const string ns = StackFile.Namespace;
        foreach (var key in source.AllKeys ?? [])
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                var meant = topLevelKeys.Contains(key, StringComparer.Ordinal) ? key : Suggestions.Closest(key, topLevelKeys);
                errors.Add(new SettingsError(key, "(a key without a namespace)",
                    (meant is null ? "" : $"did you mean {ns}:{meant}? ") +
                    $"config keys are namespace:key (Pulumi reads nothing else); this program's keys are {ns}:<key> (docs/config.md)"));
                continue;
            }

            var prefix = key[..colon];
            if (prefix != ns && !Providers.Contains(prefix, StringComparer.Ordinal)
                && Suggestions.Distance(prefix.ToLowerInvariant(), ns) <= 2)
            {
                errors.Add(new SettingsError(key, "(another namespace)",
                    $"did you mean {ns}:{key[(colon + 1)..]}? the namespace {prefix} is read by no program of this stack"));
            }
        }
    }

    private static void UnknownKeys(IConfigSource source, IReadOnlyList<string> topLevelKeys, List<SettingsError> errors)
    {
        foreach (var key in (source.Keys ?? []).Where(k => !topLevelKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:{key}", "(unknown key)",
                Suggestions.DidYouMean(key, topLevelKeys, $"{StackFile.Namespace}:") +
                $"one of {StackFile.Namespace}:{string.Join($", {StackFile.Namespace}:", topLevelKeys)}"));
        }
    }

    /// <summary>
    /// A secret key given in plain text sits readable in the stack file and its history: refused, so
    /// nothing is deployed with it (the value must be rotated as well as encrypted).
    /// </summary>
    private static void PlainSecrets(IConfigSource source, List<SettingsError> errors)
    {
        foreach (var key in ConfigKeys.All.Where(k => k.Secret))
        {
            if (source.Get(key.Path) is not null && source.IsSecret(key.Path) == false)
            {
                var full = $"{StackFile.Namespace}:{key.Path}";
                errors.Add(new SettingsError(full, "(plain text, not shown)",
                    $"a secret: run `pulumi config rm {full}` then `pulumi config set --secret {full} <value>`, which stores it encrypted; " +
                    "and change the value itself, since it has been readable in the stack file"));
            }
        }
    }
}
