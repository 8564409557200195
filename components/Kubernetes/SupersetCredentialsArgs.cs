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
}
