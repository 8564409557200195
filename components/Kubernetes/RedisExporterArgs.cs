using Pulumi;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="RedisExporter"/>.</summary>
public sealed record RedisExporterArgs
{
    /// <summary>Namespace of the stack.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Stack name (the instance label).</summary>
    public required string Instance { get; init; }

    /// <summary><c>broker</c> or <c>cache</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The managed Redis endpoint.</summary>
    public required RedisConnection Redis { get; init; }

    /// <summary>The credentials Secret and the key of this Redis's AUTH token.</summary>
    public required Input<string> CredentialsSecret { get; init; }

    /// <summary>Key of the AUTH token in the Secret.</summary>
    public required string PasswordKey { get; init; }

    /// <summary>Digest of the credentials (rolls the exporter on rotation).</summary>
    public required Input<string> CredentialsChecksum { get; init; }
}
