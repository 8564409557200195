using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;

namespace Superset.Components.Kubernetes;

/// <summary>
/// What every pod of this program shares: the Pod Security Standards <c>restricted</c> profile
/// (non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp) with a
/// read-only root filesystem, and resources with request = limit for memory (a pod never plans on
/// memory it may not get).
/// </summary>
public static class PodDefaults
{
    /// <summary>The uid of the <c>superset</c> user in the official image (and a non-root uid for the rest).</summary>
    public const int SupersetUid = 1000;

    /// <summary>Pod-level security: non-root, RuntimeDefault seccomp, volumes writable by the group.</summary>
    public static PodSecurityContextArgs PodSecurity(int uid) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = uid,
        RunAsGroup = uid,
        FsGroup = uid,
        SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
    };

    /// <summary>Container-level security of the restricted profile, with a read-only root filesystem.</summary>
    public static SecurityContextArgs ContainerSecurity() => new()
    {
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = true,
        RunAsNonRoot = true,
        Capabilities = new CapabilitiesArgs { Drop = { "ALL" } },
        SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
    };

    /// <summary>CPU request (no CPU limit: throttling a gunicorn worker mid-request only adds latency); memory request = limit.</summary>
    public static ResourceRequirementsArgs Resources(int cpuMillis, int memoryMi) => new()
    {
        Requests = new InputMap<string> { { "cpu", $"{cpuMillis}m" }, { "memory", $"{memoryMi}Mi" } },
        Limits = new InputMap<string> { { "memory", $"{memoryMi}Mi" } },
    };

    /// <summary>An environment variable with a literal value.</summary>
    public static EnvVarArgs Env(string name, Input<string> value) => new() { Name = name, Value = value };

    /// <summary>An environment variable read from a key of a Secret: the value never appears in a manifest.</summary>
    public static EnvVarArgs EnvFromSecret(string name, Input<string> secretName, string key) => new()
    {
        Name = name,
        ValueFrom = new EnvVarSourceArgs { SecretKeyRef = new SecretKeySelectorArgs { Name = secretName, Key = key } },
    };

    /// <summary>A memory-backed or disk emptyDir for a path the process writes (the root filesystem is read-only).</summary>
    public static VolumeArgs EmptyDir(string name, bool memory = false) => new()
    {
        Name = name,
        EmptyDir = memory ? new EmptyDirVolumeSourceArgs { Medium = "Memory" } : new EmptyDirVolumeSourceArgs(),
    };
}
