using Pulumi;

namespace Superset.Components.Kubernetes;

/// <summary>
/// What the Superset pods get besides the data services' contract: the team's variables
/// (<c>superset:env</c>, <c>superset:secretEnv</c> and the per-role maps), and the secret variables the
/// program adds for sign-in and reports (OAuth client secrets, the LDAP bind password, Slack's token),
/// each read from a key of the credentials Secret.
/// </summary>
public sealed record SupersetEnvironment
{
    /// <summary>Nothing added.</summary>
    public static SupersetEnvironment None { get; } = new();

    /// <summary>Variable → key of the credentials Secret (program secrets for sign-in and Slack).</summary>
    public IReadOnlyDictionary<string, string> CredentialEnv { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The team's variables on every Superset pod.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The team's variables from existing Secrets: variable → (Secret, key).</summary>
    public IReadOnlyDictionary<string, (Input<string> Secret, string Key)> SecretEnv { get; init; } =
        new Dictionary<string, (Input<string>, string)>(StringComparer.Ordinal);

    /// <summary>The team's variables of one role (web, beat) or pool (worker, by queue).</summary>
    public Func<string, string?, IReadOnlyDictionary<string, string>> RoleEnv { get; init; } = (_, _) => new Dictionary<string, string>(StringComparer.Ordinal);
}
