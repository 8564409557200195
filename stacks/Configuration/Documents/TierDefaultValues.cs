using System.Globalization;
using Superset.Configuration.Keys;
using Superset.Configuration.Reading;
using Superset.Configuration.Tiers;

namespace Superset.Configuration.Documents;

/// <summary>
/// Each key's default in each tier, read from what the loader makes of a stack file that sets only
/// the tier: the documents show what the program does, not a second copy of it.
/// </summary>
public static class TierDefaultValues
{
    private static readonly IReadOnlyDictionary<string, StackSettings> ByTier = TierCatalog.ByConfigName.Keys.ToDictionary(
        tier => tier, tier => SettingsLoader.Load(StackFile.Parse($"config:\n  superset:tier: {tier}\n", $"the {tier} tier")), StringComparer.Ordinal);

    /// <summary>The tiers, in order.</summary>
    public static IReadOnlyList<string> Tiers { get; } = TierCatalog.ByConfigName.Keys.ToList();

    /// <summary>The queues of a tier, in order.</summary>
    public static IReadOnlyList<string> Queues(string tier) => ByTier[tier].Queues.Select(q => q.Name).ToList();

    /// <summary>A key's default in words: its <see cref="ConfigKey.DefaultText"/>, one value, or one value per tier.</summary>
    public static string Describe(ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.DefaultText is { } text)
        {
            return text;
        }

        if (key.Default is { } fixedDefault)
        {
            return Show(fixedDefault);
        }

        if (key.QueueSetting is not null)
        {
            return "per tier and queue (below)";
        }

        if (key.Setting is null)
        {
            return "none";
        }

        var values = Tiers.Select(t => Show(key.Setting(ByTier[t]))).ToList();
        return values.Distinct().Count() == 1 ? values[0] : string.Join(" / ", values);
    }

    /// <summary>The one default of a key that does not depend on the tier; null when it does or has none.</summary>
    public static object? Constant(ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Default is { } fixedDefault)
        {
            return fixedDefault;
        }

        if (key.DefaultText is not null || key.Setting is null)
        {
            return null;
        }

        var values = Tiers.Select(t => key.Setting(ByTier[t])).ToList();
        return values.Distinct().Count() == 1 ? values[0] : null;
    }

    /// <summary>A queue key's default for a queue of a tier.</summary>
    public static string Queue(ConfigKey key, string tier, string queue)
    {
        ArgumentNullException.ThrowIfNull(key);
        var settings = ByTier[tier].Queues.Single(q => q.Name == queue);
        return key.DefaultText ?? Show(key.QueueSetting!(settings));
    }

    /// <summary>A queue key's default for a queue the stack adds (the custom-queue profile on the tier).</summary>
    public static string CustomQueue(ConfigKey key, string tier)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.DefaultText ?? Show(key.QueueSetting!(TierCatalog.Get(TierCatalog.ByConfigName[tier]).CustomQueue));
    }

    /// <summary>A value as the documents write it.</summary>
    public static string Show(object? value) => value switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, string> { Count: 0 } => "none",
        IReadOnlyDictionary<string, string> map => string.Join(", ", map.Select(kv => $"{kv.Key}={kv.Value}")),
        IReadOnlyList<string> { Count: 0 } => "none",
        IReadOnlyList<string> list => string.Join(", ", list),
        _ => value.ToString() ?? "none",
    };
}
