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

    /// <summary>Volume size for the data directory.</summary>
    public string VolumeSize { get; init; } = $"{Superset.Planning.Workloads.Postgres.PostgresWorkload.VolumeGi}Gi";
}
