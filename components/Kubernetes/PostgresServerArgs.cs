using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="PostgresServer"/>.</summary>
public sealed record PostgresServerArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>The database plan: max_connections and pod memory.</summary>
    public required DatabasePlan Plan { get; init; }

    /// <summary>The Secret holding the database password: the credentials Secret, or the one database.passwordSecret names.</summary>
    public required Input<string> CredentialsSecret { get; init; }

    /// <summary>The key of the password in that Secret.</summary>
    public string PasswordKey { get; init; } = Planning.Workloads.CredentialKeys.DatabasePassword;

    /// <summary>Database and user name.</summary>
    public string Database { get; init; } = "superset";

    /// <summary>Its volume (<c>database.storageGi</c>, <c>database.storageClass</c>), placement and the stack's pull secrets.</summary>
    public required PodsPlan Pods { get; init; }
}
