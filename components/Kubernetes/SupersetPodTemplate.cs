using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Artifacts;
using Superset.Planning.Workloads;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The one pod template of Superset's processes (web, workers, beat, init): the restricted security
/// context, the image, the environment contract of <see cref="SupersetEnv"/>, the config mounted from
/// its Secret, writable emptyDirs for the paths Superset writes under a read-only root filesystem,
/// and the annotations that roll the pods when their config or credentials change. Each component
/// adds only what its process does differently (<see cref="SupersetContainer"/>).
/// </summary>
public static class SupersetPodTemplate
{
    /// <summary>The pod template of one Superset process.</summary>
    public static PodTemplateSpecArgs Build(SupersetPodArgs pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var c = pod.Container;
        var env = Env(pod);
        foreach (var extra in c.ExtraEnv)
        {
            env.Add(extra);
        }

        var mounts = Mounts();
        var volumes = Volumes(pod.ConfigSecret);
        foreach (var (volume, path) in c.ExtraWritable)
        {
            mounts.Add(new VolumeMountArgs { Name = volume, MountPath = path });
            volumes.Add(PodDefaults.EmptyDir(volume));
        }

        var container = new ContainerArgs
        {
            Name = c.Name,
            Image = pod.Image,
            Command = c.Command.ToArray(),
            Env = env,
            VolumeMounts = mounts,
            Resources = PodDefaults.Resources(c.Resources.CpuMillis, c.Resources.MemoryMi),
            SecurityContext = PodDefaults.ContainerSecurity(),
        };
        if (c.Ports.Count > 0)
        {
            container.Ports = c.Ports.Select(p => new ContainerPortArgs { Name = p.Name, ContainerPortValue = p.Number }).ToList();
        }

        // Only what the process sets: an unset field stays absent from the manifest.
        if (c.StartupProbe is { } startup)
        {
            container.StartupProbe = startup;
        }

        if (c.ReadinessProbe is { } readiness)
        {
            container.ReadinessProbe = readiness;
        }

        if (c.LivenessProbe is { } liveness)
        {
            container.LivenessProbe = liveness;
        }

        if (c.Lifecycle is { } lifecycle)
        {
            container.Lifecycle = lifecycle;
        }

        var spec = new PodSpecArgs
        {
            SecurityContext = PodDefaults.PodSecurity(PodDefaults.SupersetUid),
            Containers = { container },
            Volumes = volumes,
        };
        if (pod.RestartPolicy is { } restart)
        {
            spec.RestartPolicy = restart;
        }

        if (pod.TerminationGracePeriodSeconds is int grace)
        {
            spec.TerminationGracePeriodSeconds = grace;
        }

        var metadata = new ObjectMetaArgs { Labels = pod.Labels };
        if (pod.ConfigChecksum is { } checksum)
        {
            // The init Job is named after its config instead: a new config is a new Job.
            metadata.Annotations = RollOn(checksum, pod.Data);
        }

        ApplyPlatform(pod, metadata, spec, container);
        return new PodTemplateSpecArgs { Metadata = metadata, Spec = spec };
    }

    /// <summary>
    /// What the platform sets on the role's pods (<see cref="PodExtras"/>): placement over the stack's
    /// default, Superset's account without an API token, pull secrets, and the role's additions last.
    /// </summary>
    private static void ApplyPlatform(SupersetPodArgs pod, ObjectMetaArgs metadata, PodSpecArgs spec, ContainerArgs main)
    {
        var selector = pod.Labels.Where(l => Planning.Pods.PodOverrideChecks.SelectorLabels.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value);
        PodExtras.Place(spec, pod.Placement, selector);
        PodExtras.Identify(spec, pod.Pods.ServiceAccount.Name, pod.Pods.ImagePullSecrets);
        PodExtras.Add(metadata, spec, main, pod.Pods.Of(pod.Role));
    }

    /// <summary>Annotation holding the config checksum: a config change rolls every pod that reads it.</summary>
    public const string ChecksumAnnotation = "superset.apache.org/config-checksum";

    /// <summary>Pod-template annotation carrying the credentials' digest.</summary>
    public const string CredentialsAnnotation = "superset.apache.org/credentials-checksum";

    /// <summary>The annotations that roll a Superset pod when its config or its credentials change.</summary>
    private static InputMap<string> RollOn(string configChecksum, DataConnections data) => new()
    {
        { ChecksumAnnotation, configChecksum },
        { CredentialsAnnotation, data.CredentialsChecksum },
    };

    private const string ConfigVolume = "superset-config";

    /// <summary>Superset's writable home (SUPERSET_HOME and HOME): an emptyDir.</summary>
    public const string WritableHome = "/var/lib/superset";

    /// <summary>The environment of a container in its process role: the data services' contract, then the team's (<see cref="AddTeamEnv"/>).</summary>
    private static InputList<EnvVarArgs> Env(SupersetPodArgs pod)
    {
        var data = pod.Data ?? throw new ArgumentException("a pod needs its data connections", nameof(pod));
        var env = BaseEnv(data, pod.Role);
        AddTeamEnv(env, pod);
        if (data.SmtpPasswordInSecret)
        {
            env.Add(PodDefaults.EnvFromSecret(SupersetEnv.SmtpPassword, data.CredentialsSecret, CredentialKeys.SmtpPassword));
        }

        if (data.DatabaseSslRootCert is { } rootCert)
        {
            env.Add(PodDefaults.Env(SupersetEnv.DatabaseSslRootCert, rootCert));
        }

        return env;
    }

    private static InputList<EnvVarArgs> BaseEnv(DataConnections data, string role)
    {
        var broker = SupersetEnv.Redis("broker");
        var cache = SupersetEnv.Redis("cache");
        return new InputList<EnvVarArgs>
        {
            PodDefaults.Env(SupersetEnv.ProcessRole, role),
            FromSecret(SupersetEnv.SecretKey, data, CredentialKeys.SecretKey),
            PodDefaults.EnvFromSecret(SupersetEnv.AsyncQueriesJwtSecret, data.CredentialsSecret, CredentialKeys.AsyncQueriesJwtSecret),
            PodDefaults.Env(SupersetEnv.DatabaseHost, data.DatabaseHost),
            PodDefaults.Env(SupersetEnv.DatabasePort, data.DatabasePort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            PodDefaults.Env(SupersetEnv.DatabaseName, data.DatabaseName),
            PodDefaults.Env(SupersetEnv.DatabaseUser, data.DatabaseUser),
            FromSecret(SupersetEnv.DatabasePassword, data, CredentialKeys.DatabasePassword),
            PodDefaults.Env(SupersetEnv.DatabaseSslMode, data.DatabaseSslMode),
            PodDefaults.Env(broker.Host, data.Broker.Host),
            PodDefaults.Env(broker.Port, data.Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            FromSecret(broker.Password, data, CredentialKeys.BrokerPassword),
            PodDefaults.Env(broker.Tls, data.Broker.Tls ? "true" : "false"),
            PodDefaults.Env(cache.Host, data.Cache.Host),
            PodDefaults.Env(cache.Port, data.Cache.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            FromSecret(cache.Password, data, CredentialKeys.CachePassword),
            PodDefaults.Env(cache.Tls, data.Cache.Tls ? "true" : "false"),
            // Superset writes its home (uploads, logs) into an emptyDir. Not the image's /app/superset_home:
            // a volume there would hide what the image keeps in it, Playwright's Chromium of the -dev
            // image included ($HOME/.cache/ms-playwright, apache/superset Dockerfile@5.0.0). HOME
            // follows, so Chromium's profile and caches land on the writable volume too.
            PodDefaults.Env("SUPERSET_HOME", WritableHome),
            PodDefaults.Env("HOME", WritableHome),
            PodDefaults.Env("PYTHONDONTWRITEBYTECODE", "1"),
            PodDefaults.Env("PYTHONPATH", SupersetEnv.ConfigDirectory),
        };
    }

    /// <summary>A variable from a credential, in the credentials Secret or the existing Secret that holds it.</summary>
    private static EnvVarArgs FromSecret(string name, DataConnections data, string credentialKey)
    {
        var (secret, key) = data.Secret(credentialKey);
        return PodDefaults.EnvFromSecret(name, secret, key);
    }

    /// <summary>
    /// After the program's variables: the secrets it adds for sign-in and Slack, then the team's
    /// (superset:env, superset:secretEnv, then the role's or pool's map). Names the program sets are
    /// refused by plan, so none of these shadows one.
    /// </summary>
    private static void AddTeamEnv(InputList<EnvVarArgs> env, SupersetPodArgs pod)
    {
        var e = pod.Data.Environment;
        foreach (var (name, key) in e.CredentialEnv)
        {
            env.Add(PodDefaults.EnvFromSecret(name, pod.Data.CredentialsSecret, key));
        }

        foreach (var (name, value) in e.Env.Concat(e.RoleEnv(pod.Role, pod.Queue)))
        {
            env.Add(PodDefaults.Env(name, value));
        }

        foreach (var (name, (secret, key)) in e.SecretEnv)
        {
            env.Add(PodDefaults.EnvFromSecret(name, secret, key));
        }
    }

    /// <summary>
    /// The volumes of a Superset pod: the config Secret, read-only to the process (0440: owner and the
    /// pod's fsGroup read, nobody writes; <see cref="ModeBits"/>, the decimal 288 on the wire), and the
    /// writable directories.
    /// </summary>
    private static InputList<VolumeArgs> Volumes(Input<string> configSecret) => new()
    {
        new VolumeArgs { Name = ConfigVolume, Secret = new SecretVolumeSourceArgs { SecretName = configSecret, DefaultMode = ModeBits.Octal("0440") } },
        PodDefaults.EmptyDir("tmp"),
        PodDefaults.EmptyDir("superset-home"),
    };

    /// <summary>Where those volumes are mounted.</summary>
    private static InputList<VolumeMountArgs> Mounts() => new()
    {
        new VolumeMountArgs { Name = ConfigVolume, MountPath = SupersetEnv.ConfigDirectory, ReadOnly = true },
        new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" },
        new VolumeMountArgs { Name = "superset-home", MountPath = WritableHome },
    };
}
