using Superset.Catalog;
using Superset.Configuration;

namespace Superset.Planning;

/// <summary>
/// What the team adds to its Superset and how users sign in, carried from the settings to the
/// generated files and the pods: config overrides, feature flags, environment per process, drivers,
/// sign-in, the init Job's admin, and the credentials kept in existing Secrets.
/// </summary>
public sealed record CustomPlan
{
    /// <summary>Nothing added.</summary>
    public static CustomPlan None { get; } = new();

    /// <summary>Python appended after the generated superset_config.py, in order.</summary>
    public IReadOnlyList<ConfigOverride> ConfigOverrides { get; init; } = [];

    /// <summary>The team's feature flags (merged over the program's by the generator).</summary>
    public IReadOnlyDictionary<string, bool> FeatureFlags { get; init; } = new Dictionary<string, bool>(StringComparer.Ordinal);

    /// <summary>Variables on every Superset pod.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Variables on every Superset pod from existing Secrets.</summary>
    public IReadOnlyDictionary<string, SecretRef> SecretEnv { get; init; } = new Dictionary<string, SecretRef>(StringComparer.Ordinal);

    /// <summary>Variables on the web pods.</summary>
    public IReadOnlyDictionary<string, string> WebEnv { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Variables on the beat pod.</summary>
    public IReadOnlyDictionary<string, string> BeatEnv { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Variables on each pool's pods, by queue.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> QueueEnv { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>The drivers the image must carry (from the release's catalog).</summary>
    public IReadOnlyList<SupersetDriver> Drivers { get; init; } = [];

    /// <summary>Sign-in.</summary>
    public AuthSettings Auth { get; init; } = AuthSettings.Database;

    /// <summary>The init Job's admin and example data.</summary>
    public InitSettings Init { get; init; } = InitSettings.Default;

    /// <summary>Credentials from existing Secrets.</summary>
    public CredentialSources Credentials { get; init; } = CredentialSources.Generated;

    /// <summary>The variables of one process role's pods (after <see cref="Env"/>): web, beat, a queue's pool (<c>worker</c> with its queue), init.</summary>
    public IReadOnlyDictionary<string, string> RoleEnv(string role, string? queue = null) => role switch
    {
        "web" => WebEnv,
        "beat" => BeatEnv,
        "worker" when queue is not null && QueueEnv.TryGetValue(queue, out var env) => env,
        _ => new Dictionary<string, string>(StringComparer.Ordinal),
    };

    /// <summary>Builds the plan's part from the settings.</summary>
    public static CustomPlan From(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var c = settings.Custom;
        return new CustomPlan
        {
            ConfigOverrides = c.ConfigOverrides,
            FeatureFlags = c.FeatureFlags,
            Env = c.Env,
            SecretEnv = c.SecretEnv,
            WebEnv = c.WebEnv,
            BeatEnv = c.BeatEnv,
            QueueEnv = settings.Queues.Where(q => q.Env.Count > 0).ToDictionary(q => q.Name, q => q.Env, StringComparer.Ordinal),
            Drivers = c.Drivers.Select(d => SupersetDrivers.Find(settings.Release, d)).OfType<SupersetDriver>().ToList(),
            Auth = settings.Auth,
            Init = settings.Init,
            Credentials = settings.Credentials,
        };
    }
}
