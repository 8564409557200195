using Superset.Configuration;

namespace Superset.Planning.Workloads;

/// <summary>
/// The one container of a small service, in words the component turns into a Deployment and a
/// Service: restricted security, a read-only root filesystem, the workload's ports, a TCP readiness
/// probe on its first port, and values that only the deployment knows (hosts, passwords) named
/// rather than written (<see cref="EnvValue"/>).
/// </summary>
public sealed record ServiceContainer
{
    /// <summary>The container's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its image, pinned (stacks/Catalog/Images.cs or the stack's config).</summary>
    public required string Image { get; init; }

    /// <summary>Its arguments (after the image's entrypoint).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Its environment, in order.</summary>
    public IReadOnlyList<EnvSetting> Env { get; init; } = [];

    /// <summary>What one pod asks for.</summary>
    public required PodResources Resources { get; init; }

    /// <summary>Pods (2 where a node drain must not cut every client at once).</summary>
    public int Replicas { get; init; } = 1;

    /// <summary><c>Recreate</c> for processes that must never run twice (an exporter holding counters).</summary>
    public bool Recreate { get; init; }

    /// <summary>Paths the process writes, each an emptyDir under the read-only root.</summary>
    public IReadOnlyList<string> WritablePaths { get; init; } = [];

    /// <summary>A TCP liveness probe on this port name, every 30 s; null: none.</summary>
    public string? LivenessPort { get; init; }
}

/// <summary>One environment variable of a <see cref="ServiceContainer"/>.</summary>
/// <param name="Name">The variable.</param>
/// <param name="Value">Its value, or what to take it from.</param>
public sealed record EnvSetting(string Name, EnvValue Value);

/// <summary>A value of an environment variable: written out, or named for the deployment to fill in.</summary>
public abstract record EnvValue
{
    /// <summary>A literal; <c>$(VAR)</c> expands another variable of the container (kubelet).</summary>
    public sealed record Text(string Value) : EnvValue;

    /// <summary>A key of the credentials Secret (<see cref="CredentialKeys"/>): the value never appears in a manifest.</summary>
    public sealed record Credential(string Key) : EnvValue;

    /// <summary>A Redis URL of one role: <c>redis://</c> or, with TLS, <c>rediss://…?ssl_cert_reqs=required</c>; the password as <c>$(PasswordVariable)</c>; <paramref name="Database"/> counts from the role's first database.</summary>
    public sealed record RedisUrl(string Role, string? PasswordVariable, int? Database) : EnvValue;

    /// <summary>The host, port or TLS flag (<c>true</c>/<c>false</c>) of one Redis role.</summary>
    public sealed record RedisEndpoint(string Role, RedisPart Part) : EnvValue;

    /// <summary><c>host:port/name?sslmode=…</c> of the metadata database; <c>verify-full</c> becomes <c>require</c> when <paramref name="RequireInsteadOfVerify"/> (an image without the CA bundle).</summary>
    public sealed record DatabaseUri(bool RequireInsteadOfVerify) : EnvValue;

    /// <summary>The metadata database's user.</summary>
    public sealed record DatabaseUser : EnvValue;
}

/// <summary>Which part of a Redis endpoint.</summary>
public enum RedisPart
{
    /// <summary>The host name.</summary>
    Host,

    /// <summary>The port.</summary>
    Port,

    /// <summary>Whether to use TLS: <c>true</c> or <c>false</c>.</summary>
    Tls,
}
