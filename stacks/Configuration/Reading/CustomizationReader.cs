using Superset.Catalog;
using Superset.Configuration.Keys;
using Superset.Configuration.Python;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads what a team adds beyond the typed keys (<see cref="CustomizationKeys"/>): config overrides,
/// feature flags, environment variables and drivers, each checked against what the program owns and
/// what the stack's Superset release has.
/// </summary>
internal static class CustomizationReader
{
    public static CustomizationSettings Read(IConfigSource source, SupersetRelease release, List<SettingsError> errors)
    {
        var overrides = ObjectReader.Root(source, CustomizationKeys.ConfigOverrides, errors).ScalarMap(CustomizationKeys.ConfigOverrides)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ConfigOverride(e.Key, (string)e.Value))
            .Where(o => Checked(o, errors))
            .ToList();
        var flags = ObjectReader.Root(source, CustomizationKeys.FeatureFlags, errors).ScalarMap(CustomizationKeys.FeatureFlags)
            .Where(e => KnownFlag(e.Key, release, errors))
            .ToDictionary(e => e.Key, e => (bool)e.Value, StringComparer.Ordinal);
        var secretEnv = new Dictionary<string, SecretRef>(StringComparer.Ordinal);
        foreach (var (name, r) in ObjectReader.Root(source, CustomizationKeys.SecretEnv, errors).ObjectMap(CustomizationKeys.SecretEnv))
        {
            var secret = r.NullableString(CustomizationKeys.SecretEnvSecret);
            var key = r.NullableString(CustomizationKeys.SecretEnvKey);
            r.RejectUnknown();
            Require(r, CustomizationKeys.SecretEnvSecret, secret, errors);
            Require(r, CustomizationKeys.SecretEnvKey, key, errors);
            if (secret is not null && key is not null)
            {
                secretEnv[name] = new SecretRef(secret, key);
            }
        }

        var web = ObjectReader.ForKey(source, WebKeys.Object, errors);
        var beat = ObjectReader.ForKey(source, CustomizationKeys.Beat, errors);
        var result = new CustomizationSettings
        {
            ConfigOverrides = overrides,
            FeatureFlags = flags,
            Env = Env(ObjectReader.Root(source, CustomizationKeys.Env, errors), CustomizationKeys.Env),
            SecretEnv = secretEnv,
            WebEnv = Env(web, CustomizationKeys.WebEnv),
            BeatEnv = Env(beat, CustomizationKeys.BeatEnv),
            Drivers = Drivers(source, release, errors),
        };
        beat.RejectUnknown();
        return result;
    }

    /// <summary>Reads a secret reference object (<c>{name, key}</c>); null when absent.</summary>
    public static SecretRef? SecretRefOf(ObjectReader parent, ConfigKey objectKey, IReadOnlyList<ConfigKey> fields, List<SettingsError> errors)
    {
        if (!parent.Has(objectKey))
        {
            return null;
        }

        var r = parent.Child(objectKey);
        var name = r.NullableString(fields[0]);
        var key = r.NullableString(fields[1]);
        r.RejectUnknown();
        Require(r, fields[0], name, errors);
        Require(r, fields[1], key, errors);
        return name is null || key is null ? null : new SecretRef(name, key);
    }

    private static void Require(ObjectReader r, ConfigKey key, string? value, List<SettingsError> errors)
    {
        if (value is null && !r.Has(key))
        {
            errors.Add(new SettingsError(r.KeyOf(key), "(missing)", key.Expected ?? "a value"));
        }
    }

    private static Dictionary<string, string> Env(ObjectReader r, ConfigKey map) =>
        r.ScalarMap(map).ToDictionary(e => e.Key, e => (string)e.Value, StringComparer.Ordinal);

    /// <summary>An override that compiles at the top level and binds nothing the program sets.</summary>
    private static bool Checked(ConfigOverride o, List<SettingsError> errors)
    {
        var key = $"{StackFile.Namespace}:{CustomizationKeys.ConfigOverrides.Path}.{o.Name}";
        var before = errors.Count;
        var (statements, faults) = PythonTokenizer.Tokenize(o.Text);
        foreach (var fault in faults)
        {
            errors.Add(new SettingsError(key, "(Python)", $"Python that compiles: {fault}"));
        }

        if (statements.Count > 0 && statements[0].Indent > 0)
        {
            errors.Add(new SettingsError(key, "(Python)", $"Python at the top level: line {statements[0].Line} is indented, and the text is appended after the generated file's last statement"));
        }

        foreach (var effect in PythonAssignments.Find(statements))
        {
            if (effect.Effect == PyEffect.Dynamic)
            {
                errors.Add(new SettingsError(key, $"line {effect.Line}: {effect.How}", "assignments by literal name: a name computed at run time could replace anything the program sets, and cannot be checked"));
            }
            else if (ProgramNames.OwnerOfConfigName(effect.Name) is { } owner)
            {
                var what = effect.Effect == PyEffect.Binds ? "assigns" : $"changes ({effect.How})";
                errors.Add(new SettingsError(key, $"line {effect.Line} {what} {effect.Name}", $"the program sets {effect.Name}: use {owner}"));
            }
        }

        return errors.Count == before;
    }

    private static bool KnownFlag(string flag, SupersetRelease release, List<SettingsError> errors)
    {
        var flags = SupersetFeatureFlags.Of(release);
        if (flags.Contains(flag))
        {
            return true;
        }

        // A flag of the other catalogued release says so: set for the wrong release, not misspelt.
        var elsewhere = SupersetFeatureFlags.Elsewhere(flag, release) is { } when
            ? $"{flag} was {when}, and this stack runs Superset {release.Tag} (superset:image); "
            : Suggestions.DidYouMean(flag, flags);
        errors.Add(new SettingsError($"{StackFile.Namespace}:featureFlags.{flag}", flag,
            $"{elsewhere}a feature flag of Superset {release.Tag}'s DEFAULT_FEATURE_FLAGS (apache/superset superset/config.py@{release.Tag}, stacks/Catalog/SupersetFeatureFlags.cs): Superset would ignore it"));
        return false;
    }

    private static IReadOnlyList<string> Drivers(IConfigSource source, SupersetRelease release, List<SettingsError> errors)
    {
        var r = ObjectReader.Root(source, CustomizationKeys.Drivers, errors);
        var names = r.StringList(CustomizationKeys.Drivers);
        foreach (var twice in names.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            errors.Add(new SettingsError(r.KeyOf(CustomizationKeys.Drivers), twice.Key, "each driver once"));
        }

        foreach (var name in names.Where(n => SupersetDrivers.Find(release, n) is null))
        {
            errors.Add(new SettingsError(r.KeyOf(CustomizationKeys.Drivers), name,
                $"a driver of Superset {release.Version}'s catalog: {string.Join(", ", SupersetDrivers.Names(release))}"));
        }

        return names.Distinct().ToList();
    }
}
