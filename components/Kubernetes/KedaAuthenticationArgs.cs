using Pulumi;
using Superset.Planning.Workloads;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="KedaAuthentication"/>.</summary>
public sealed record KedaAuthenticationArgs
{
    /// <summary>Namespace (the pools' own: a TriggerAuthentication is namespaced).</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>The Secret holding the broker password (key <see cref="CredentialKeys.BrokerPassword"/>).</summary>
    public required Input<string> CredentialsSecret { get; init; }

    /// <summary>The key of the broker password in that Secret (another key when redis.broker.passwordSecret names an existing Secret).</summary>
    public string PasswordKey { get; init; } = CredentialKeys.BrokerPassword;
}
