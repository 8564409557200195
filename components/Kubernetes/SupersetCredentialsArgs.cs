using Pulumi;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="SupersetCredentials"/>.</summary>
public sealed record SupersetCredentialsArgs
{
    /// <summary>Namespace of the Secret.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>
    /// The SMTP password of email reports: the secret config key <c>superset:smtpPassword</c>, never
    /// generated (the mail provider issues it). Null leaves it out of the Secret.
    /// </summary>
    public Output<string>? SmtpPassword { get; init; }

    /// <summary>More config secrets (<c>pulumi config set --secret</c>), by key of the Secret: OAuth client secrets, the LDAP bind password, Slack's token.</summary>
    public IReadOnlyDictionary<string, Output<string>> ConfigSecrets { get; init; } = new Dictionary<string, Output<string>>(StringComparer.Ordinal);

    /// <summary>Credentials kept in existing Secrets (by <c>CredentialKeys</c> key): not generated, not in this Secret.</summary>
    public IReadOnlySet<string> FromExistingSecrets { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
