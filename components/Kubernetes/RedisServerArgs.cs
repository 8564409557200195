using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="RedisServer"/>.</summary>
public sealed record RedisServerArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>The role's plan: maxmemory, policy, container memory.</summary>
    public required RedisPlan Plan { get; init; }

    /// <summary>The credentials Secret.</summary>
    public required Input<string> CredentialsSecret { get; init; }

    /// <summary>The key of this role's password in that Secret.</summary>
    public required string PasswordKey { get; init; }

    /// <summary>Digest of the credentials: the server restarts with a rotated password.</summary>
    public required Input<string> CredentialsChecksum { get; init; }

    /// <summary>The broker's volume (<c>redis.broker.storage*</c>), redis_exporter's size, placement and the stack's pull secrets.</summary>
    public required PodsPlan Pods { get; init; }
}
