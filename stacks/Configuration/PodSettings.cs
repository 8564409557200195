namespace Superset.Configuration;

/// <summary>
/// What a platform team sets on the pods themselves, beside their sizing: placement per role, the
/// service account of Superset's pods, image pull secrets, the fixed pods' sizes, additions to
/// Superset's pod templates, and the in-cluster data services' volumes.
/// </summary>
public sealed record PodSettings
{
    /// <summary><c>scheduling</c>: every pod's placement unless its role says otherwise.</summary>
    public PodPlacement Scheduling { get; init; } = PodPlacement.None;

    /// <summary><c>services.scheduling</c>: the pods beside Superset (exporters, Flower, the websocket server, in-cluster PostgreSQL and Redis).</summary>
    public PodPlacement ServicesScheduling { get; init; } = PodPlacement.None;

    /// <summary>Celery beat's pod.</summary>
    public required FixedPod Beat { get; init; }

    /// <summary>The init Job's pod.</summary>
    public required FixedPod Init { get; init; }

    /// <summary>The small services' pods, each sized by the stack.</summary>
    public required ServicePods Services { get; init; }

    /// <summary><c>serviceAccount</c>: the account of Superset's pods.</summary>
    public required ServiceAccountSettings ServiceAccount { get; init; }

    /// <summary><c>imagePullSecrets</c>: on every pod the stack declares.</summary>
    public IReadOnlyList<string> ImagePullSecrets { get; init; } = [];

    /// <summary><c>podOverrides.&lt;role&gt;</c>: additions to Superset's pods, by role (web, worker, beat, init).</summary>
    public IReadOnlyDictionary<string, PodOverrides> Overrides { get; init; } = new Dictionary<string, PodOverrides>(StringComparer.Ordinal);

    /// <summary>The in-cluster PostgreSQL's and broker's volumes.</summary>
    public required DataStorage Storage { get; init; }
}

/// <summary>A pod of fixed count whose size and placement the stack may set.</summary>
/// <param name="Pod">CPU request and memory.</param>
/// <param name="Scheduling">Its role's placement (before the stack's default is merged under it).</param>
public sealed record FixedPod(PodResources Pod, PodPlacement Scheduling);

/// <summary>The small services' sizes.</summary>
/// <param name="Flower">Flower.</param>
/// <param name="Websocket">superset-websocket.</param>
/// <param name="CeleryExporter">celery-exporter.</param>
/// <param name="PostgresExporter">postgres_exporter.</param>
/// <param name="RedisExporter">redis_exporter: the sidecar of an in-cluster Redis, or the Deployment per ElastiCache group.</param>
public sealed record ServicePods(PodResources Flower, PodResources Websocket, PodResources CeleryExporter, PodResources PostgresExporter, PodResources RedisExporter);

/// <summary>The account Superset's pods run as.</summary>
/// <param name="Create">Declare it (else it must exist).</param>
/// <param name="Name">Its name.</param>
/// <param name="Annotations">Its annotations (eks.amazonaws.com/role-arn for IRSA).</param>
public sealed record ServiceAccountSettings(bool Create, string Name, IReadOnlyDictionary<string, string>? Annotations);

/// <summary>A volume of an in-cluster data service.</summary>
/// <param name="SizeGi">Requested size, GiB.</param>
/// <param name="StorageClass">Its StorageClass; null: the cluster's default.</param>
public sealed record VolumeSettings(int SizeGi, string? StorageClass);

/// <summary>The in-cluster data services' volumes (the cache Redis persists nothing, so it has none).</summary>
/// <param name="Database">PostgreSQL's data directory.</param>
/// <param name="Broker">The broker Redis' append-only file.</param>
public sealed record DataStorage(VolumeSettings Database, VolumeSettings Broker);

/// <summary>
/// <c>podOverrides.&lt;role&gt;</c>: what a platform adds to one role's Superset pods after the
/// component built them. Each list is checked against the provider's types.
/// </summary>
public sealed record PodOverrides
{
    /// <summary>Pod annotations.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Pod labels (never a selector label).</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>More containers (core.v1.Container).</summary>
    public KubernetesValue? Sidecars { get; init; }

    /// <summary>Init containers (core.v1.Container).</summary>
    public KubernetesValue? InitContainers { get; init; }

    /// <summary>Volumes (core.v1.Volume).</summary>
    public KubernetesValue? Volumes { get; init; }

    /// <summary>Mounts of those volumes into the main container (core.v1.VolumeMount).</summary>
    public KubernetesValue? VolumeMounts { get; init; }

    /// <summary>The sidecars' ports, each with who may connect.</summary>
    public IReadOnlyList<SidecarPort> Ports { get; init; } = [];
}

/// <summary>A port a sidecar listens on, declared so the NetworkPolicies admit exactly who must connect.</summary>
/// <param name="Name">The container port's name.</param>
/// <param name="Port">Its number.</param>
/// <param name="From">Who connects: <c>prometheus</c>, <c>ingress</c> or a component of the stack (<c>web</c>, <c>worker</c>…).</param>
public sealed record SidecarPort(string Name, int Port, IReadOnlyList<string> From);
