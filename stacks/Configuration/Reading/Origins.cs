using Superset.Configuration.Keys;
using Superset.Configuration.Tiers;

namespace Superset.Configuration.Reading;

/// <summary>
/// Names where a value in an error came from when the stack file did not set it: the tier's
/// default, the tier's queue, or the custom-queue profile. An operator who never wrote
/// <c>minReplicas = 5</c> must not have to guess why the plan says it.
/// </summary>
public static class Origins
{
    /// <summary>The errors, each value the stack did not set followed by its origin.</summary>
    public static IReadOnlyList<SettingsError> Annotate(IReadOnlyList<SettingsError> errors, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(settings);
        return errors.Select(e => Origin(e.Key, settings) is { } origin && !e.Value.StartsWith('(') ? e with { Value = $"{e.Value} (not set: {origin})" } : e).ToList();
    }

    /// <summary>Where the value of a <c>superset:</c> key comes from when the stack does not set it; null when it does, or when the key is not one value.</summary>
    public static string? Origin(string fullKey, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(fullKey);
        ArgumentNullException.ThrowIfNull(settings);
        const string prefix = StackFile.Namespace + ":";
        if (!fullKey.StartsWith(prefix, StringComparison.Ordinal) || settings.Written.Contains(fullKey[prefix.Length..]))
        {
            return null;
        }

        var path = fullKey[prefix.Length..];
        var parts = path.Split('.');
        if (parts is ["queues", var queue, var field])
        {
            var q = settings.Queues.FirstOrDefault(x => x.Name == queue);
            return q is null || ConfigKeys.Find($"{QueueKeys.Entry}.{field}") is not { QueueUpdate: not null } ? null : q.Origin;
        }

        return ConfigKeys.Find(path) is { Kind: not (ValueKind.Object or ValueKind.Map) } key
            ? key.DefaultText ?? $"the {TierCatalog.ConfigName(settings.Tier)} tier's default"
            : null;
    }
}
