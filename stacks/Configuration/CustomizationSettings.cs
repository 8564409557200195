namespace Superset.Configuration;

/// <summary>A key of an existing Kubernetes Secret in the stack's namespace.</summary>
/// <param name="Name">The Secret's name.</param>
/// <param name="Key">The key of its data.</param>
public sealed record SecretRef(string Name, string Key);

/// <summary>One <c>superset:configOverrides</c> entry: Python text appended after the generated file.</summary>
/// <param name="Name">Its name (the order of the appended texts).</param>
/// <param name="Text">The Python text.</param>
public sealed record ConfigOverride(string Name, string Text);

/// <summary>
/// What a team adds to Superset beyond the typed keys: Python appended to superset_config.py, feature
/// flags merged over the program's, environment variables on the pods, and the database drivers the
/// image must carry.
/// </summary>
public sealed record CustomizationSettings
{
    /// <summary>Nothing added.</summary>
    public static CustomizationSettings None { get; } = new();

    /// <summary><c>superset:configOverrides</c>, in the order of their names (ordinal).</summary>
    public IReadOnlyList<ConfigOverride> ConfigOverrides { get; init; } = [];

    /// <summary><c>superset:featureFlags</c>: flag → on or off, merged over the program's.</summary>
    public IReadOnlyDictionary<string, bool> FeatureFlags { get; init; } = new Dictionary<string, bool>(StringComparer.Ordinal);

    /// <summary><c>superset:env</c>: on every Superset pod.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>superset:secretEnv</c>: on every Superset pod, each from a key of an existing Secret.</summary>
    public IReadOnlyDictionary<string, SecretRef> SecretEnv { get; init; } = new Dictionary<string, SecretRef>(StringComparer.Ordinal);

    /// <summary><c>web.env</c>: on the web pods only.</summary>
    public IReadOnlyDictionary<string, string> WebEnv { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>beat.env</c>: on the beat pod only.</summary>
    public IReadOnlyDictionary<string, string> BeatEnv { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>superset:drivers</c>: the database drivers the image must carry (SupersetDrivers names).</summary>
    public IReadOnlyList<string> Drivers { get; init; } = [];
}

/// <summary>Where a credential comes from when not from Pulumi.Random: a key of an existing Secret.</summary>
public sealed record CredentialSources
{
    /// <summary>None: every credential is generated.</summary>
    public static CredentialSources Generated { get; } = new();

    /// <summary><c>secretKeySecret</c>: Flask's SECRET_KEY.</summary>
    public SecretRef? SecretKey { get; init; }

    /// <summary><c>database.passwordSecret</c>.</summary>
    public SecretRef? DatabasePassword { get; init; }

    /// <summary><c>redis.broker.passwordSecret</c>.</summary>
    public SecretRef? BrokerPassword { get; init; }

    /// <summary><c>redis.cache.passwordSecret</c>.</summary>
    public SecretRef? CachePassword { get; init; }
}

/// <summary>The init Job's first user and example data.</summary>
/// <param name="Admin">The first admin user (its password stays random: the adminPassword stack output).</param>
/// <param name="LoadExamples">Run <c>superset load-examples</c> after <c>superset init</c>.</param>
public sealed record InitSettings(AdminUser Admin, bool LoadExamples)
{
    /// <summary>The program's defaults: admin, no examples.</summary>
    public static InitSettings Default { get; } = new(AdminUser.Default, false);
}

/// <summary>The first admin user, as <c>superset fab create-admin</c> takes it.</summary>
public sealed record AdminUser(string Username, string Email, string FirstName, string LastName)
{
    /// <summary>The program's default admin (the .invalid domain reserves the address, RFC 2606).</summary>
    public static AdminUser Default { get; } = new("admin", "admin@superset.invalid", "Superset", "Admin");
}
