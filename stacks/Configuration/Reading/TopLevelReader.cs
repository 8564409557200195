using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads the scalar keys at the top of <c>superset:</c> (Pulumi hands each over as text).</summary>
internal sealed class TopLevelReader(IConfigSource source, List<SettingsError> errors)
{
    /// <summary>The key's text, or <paramref name="fallback"/> when absent or invalid (the problem is recorded).</summary>
    public string String(ConfigKey key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(key);
        var value = source.Get(key.Path);
        if (value is null)
        {
            return fallback;
        }

        if (key.Accepts(value))
        {
            return value;
        }

        errors.Add(new SettingsError($"{StackFile.Namespace}:{key.Path}", ObjectReader.Show(value), key.Expected ?? "a valid value"));
        return fallback;
    }
}
