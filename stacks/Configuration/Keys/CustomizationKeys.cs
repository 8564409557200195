using Superset.Catalog;

namespace Superset.Configuration.Keys;

/// <summary>
/// What a team adds to its Superset beyond the typed keys: Python after the generated
/// superset_config.py, feature flags, environment variables, database drivers (docs/customize.md).
/// </summary>
public static class CustomizationKeys
{
    /// <summary><c>configOverrides</c>.</summary>
    public static readonly ConfigKey ConfigOverrides = new()
    {
        Path = "configOverrides", Kind = ValueKind.Map, Pattern = Patterns.Label, MaxLength = 63,
        Description = "Python appended after the generated superset_config.py, one text per name, in the names' order; a name the program sets is refused, naming the key that sets it.",
        Expected = "a name of letters, digits, '_', '.' and '-' (it orders the texts), at most 63 characters",
    };

    /// <summary><c>configOverrides.&lt;name&gt;</c>.</summary>
    public static readonly ConfigKey ConfigOverride = new()
    {
        Path = "configOverrides.<name>", Kind = ValueKind.String, Pattern = Patterns.AnyText, MaxLength = 65_536, DefaultText = "none",
        Description = "Python text, at the top level of the file (not indented).", Expected = "Python text (a YAML block: `|`)",
    };

    /// <summary><c>featureFlags</c>.</summary>
    public static readonly ConfigKey FeatureFlags = new()
    {
        Path = "featureFlags", Kind = ValueKind.Map, Pattern = Patterns.FlagName, MaxLength = 100,
        Description = "Superset feature flags merged over the program's; a flag the release lacks, or one a typed key sets otherwise, is refused.",
        Expected = "a feature flag of the stack's Superset release (stacks/Catalog/SupersetFeatureFlags.cs)",
    };

    /// <summary><c>featureFlags.&lt;name&gt;</c>.</summary>
    public static readonly ConfigKey FeatureFlag = new()
    {
        Path = "featureFlags.<name>", Kind = ValueKind.Boolean, DefaultText = "Superset's default", Description = "On or off.",
    };

    /// <summary><c>env</c>.</summary>
    public static readonly ConfigKey Env = EnvMap("env", "Environment variables on every Superset pod (web, workers, beat, init); a name the program sets is refused.");

    /// <summary><c>env.&lt;name&gt;</c>.</summary>
    public static readonly ConfigKey EnvValue = EnvEntry("env");

    /// <summary><c>secretEnv</c>.</summary>
    public static readonly ConfigKey SecretEnv = EnvMap("secretEnv", "Environment variables on every Superset pod from keys of existing Secrets in the namespace (secretKeyRef).");

    /// <summary><c>secretEnv.&lt;name&gt;</c>.</summary>
    public static readonly ConfigKey SecretEnvEntry = Define.Object("secretEnv.<name>", "The Secret and key the variable reads.");

    /// <summary><c>secretEnv.&lt;name&gt;.secret</c>.</summary>
    public static readonly ConfigKey SecretEnvSecret = SecretName("secretEnv.<name>.secret", "The Secret's name.");

    /// <summary><c>secretEnv.&lt;name&gt;.key</c>.</summary>
    public static readonly ConfigKey SecretEnvKey = SecretDataKey("secretEnv.<name>.key", "The key of its data.");

    /// <summary><c>web.env</c>.</summary>
    public static readonly ConfigKey WebEnv = EnvMap("web.env", "Environment variables on the web pods only, after superset:env.");

    /// <summary><c>web.env.&lt;name&gt;</c>.</summary>
    public static readonly ConfigKey WebEnvValue = EnvEntry("web.env");

    /// <summary>The beat object, registered once with the pod's size and placement (PodKeys.Beat).</summary>
    public static ConfigKey Beat => PodKeys.Beat;

    /// <summary><c>beat.env</c>.</summary>
    public static readonly ConfigKey BeatEnv = EnvMap("beat.env", "Environment variables on the beat pod only, after superset:env.");

    /// <summary><c>beat.env.&lt;name&gt;</c>.</summary>
    public static readonly ConfigKey BeatEnvValue = EnvEntry("beat.env");

    /// <summary><c>drivers</c>.</summary>
    public static readonly ConfigKey Drivers = new()
    {
        Path = "drivers", Kind = ValueKind.StringList, Values = SupersetDrivers.AllNames, DefaultText = "none",
        Description = "Database drivers the image must carry, by Superset's optional-dependency names: plan prints the image build line, the init Job imports each before web and workers roll.",
        Expected = $"Superset optional-dependency names: {string.Join(", ", SupersetDrivers.AllNames)}",
    };

    /// <summary><c>secretKeySecret</c>.</summary>
    public static readonly ConfigKey SecretKeySecret = Define.Object("secretKeySecret", "Flask's SECRET_KEY from a key of an existing Secret, instead of Pulumi.Random.");

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> SecretKeySecretFields = SecretRefFields("secretKeySecret");

    /// <summary>A map of environment variables.</summary>
    internal static ConfigKey EnvMap(string path, string description) => new()
    {
        Path = path, Kind = ValueKind.Map, Pattern = Patterns.EnvName, MaxLength = 256, Description = description,
        Expected = "an environment variable name: letters, digits and '_', not starting with a digit",
    };

    /// <summary>One value of a map of environment variables.</summary>
    internal static ConfigKey EnvEntry(string map) => new()
    {
        Path = $"{map}.<name>", Kind = ValueKind.String, Pattern = Patterns.AnyText, MaxLength = 32_768, DefaultText = "none",
        Description = "The variable's value (never a secret: use secretEnv).", Expected = "text",
    };

    /// <summary>The <c>name</c> and <c>key</c> of a Secret reference object.</summary>
    internal static IReadOnlyList<ConfigKey> SecretRefFields(string parent) =>
    [
        SecretName($"{parent}.name", "The existing Secret's name (in the stack's namespace)."),
        SecretDataKey($"{parent}.key", "The key of its data."),
    ];

    private static ConfigKey SecretName(string path, string description) =>
        Define.Text(path, Patterns.DnsName, description, "the name of a Secret in the stack's namespace (a DNS subdomain)", null) with { MaxLength = 253, DefaultText = "none (required)" };

    private static ConfigKey SecretDataKey(string path, string description) =>
        Define.Text(path, Patterns.SecretDataKey, description, "a key of the Secret's data: letters, digits, '-', '_' and '.'", null) with { MaxLength = 253, DefaultText = "none (required)" };
}
