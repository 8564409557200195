namespace Superset.Configuration.Keys;

/// <summary>
/// What a platform sets on the pods beside their sizing: the account of Superset's pods, image pull
/// secrets, the sizes of the fixed pods (beat, init, Flower, the websocket server, the exporters) and
/// the in-cluster data services' volumes.
/// </summary>
public static class PodKeys
{
    /// <summary><c>imagePullSecrets</c>.</summary>
    public static readonly ConfigKey ImagePullSecrets = new()
    {
        Path = "imagePullSecrets", Kind = ValueKind.StringList, Pattern = Patterns.DnsName, MaxLength = 253, DefaultText = "none",
        Description = "kubernetes.io/dockerconfigjson Secrets of the namespace, on every pod the stack declares (Superset's, the exporters', Flower's, the data services').",
        Expected = "names of Secrets in the stack's namespace (DNS subdomains)", Setting = s => s.Pods.ImagePullSecrets,
    };

    /// <summary>The serviceAccount object.</summary>
    public static readonly ConfigKey ServiceAccount = Define.Object("serviceAccount",
        "The ServiceAccount of Superset's pods (web, workers, beat, init); every other pod has one of its own. No pod mounts an API token: none calls the Kubernetes API.");

    /// <summary><c>serviceAccount.create</c>.</summary>
    public static readonly ConfigKey ServiceAccountCreate = Define.Bool("serviceAccount.create", "Declare the account (false: it exists already, by serviceAccount.name).", s => s.Pods.ServiceAccount.Create);

    /// <summary><c>serviceAccount.name</c>.</summary>
    public static readonly ConfigKey ServiceAccountName = Define.Text("serviceAccount.name", Patterns.DnsName, "The account's name.",
        "a ServiceAccount name (a DNS subdomain)", s => s.Pods.ServiceAccount.Name) with { MaxLength = 253 };

    /// <summary><c>serviceAccount.annotations</c>.</summary>
    public static readonly ConfigKey ServiceAccountAnnotations = Define.TextMap("serviceAccount.annotations",
        "The account's annotations, e.g. eks.amazonaws.com/role-arn for IAM roles for service accounts (IRSA).",
        Patterns.QualifiedName, null, "a mapping of annotation keys to text, e.g. eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/superset", s => s.Pods.ServiceAccount.Annotations)
        with { DefaultText = "none", InertWhen = s => s.Pods.ServiceAccount.Create ? null : "serviceAccount.create is false: the account exists already and is not declared here" };

    /// <summary>The beat object.</summary>
    public static readonly ConfigKey Beat = Define.Object("beat", "Celery beat's pod (always one).");

    /// <summary>The init object.</summary>
    public static readonly ConfigKey Init = Define.Object("init", "The init Job (migrations, superset init, the first admin user), run at each rollout.");

    /// <summary>The services object.</summary>
    public static readonly ConfigKey Services = Define.Object("services", "The pods beside Superset: exporters, Flower, the websocket server, in-cluster PostgreSQL and Redis.");

    /// <summary>Beat's size.</summary>
    public static readonly IReadOnlyList<ConfigKey> BeatSize = Size("beat", "Celery beat", s => s.Pods.Beat.Pod, null);

    /// <summary>The init Job's size.</summary>
    public static readonly IReadOnlyList<ConfigKey> InitSize = Size("init", "the init Job", s => s.Pods.Init.Pod, null, "not priced: the Job runs only during a rollout");

    /// <summary>Flower's size.</summary>
    public static readonly IReadOnlyList<ConfigKey> FlowerSize = Size("flower", "Flower", s => s.Pods.Services.Flower, Applies.WithFlower);

    /// <summary>The websocket server's size (beside asyncQueries.websocketImage).</summary>
    public static readonly IReadOnlyList<ConfigKey> WebsocketSize =
    [
        Define.Int("asyncQueries.websocketCpuMillis", 10, 64_000, "CPU request of a superset-websocket pod, millicores.", s => s.Pods.Services.Websocket.CpuMillis) with { InertWhen = Applies.WithWebsocket },
        Define.Int("asyncQueries.websocketMemoryMi", 32, 262_144, "Memory of a superset-websocket pod, request = limit, MiB.", s => s.Pods.Services.Websocket.MemoryMi) with { InertWhen = Applies.WithWebsocket },
    ];

    /// <summary>The celery-exporter object.</summary>
    public static readonly ConfigKey CeleryExporter = Define.Object("monitoring.celeryExporter", "celery-exporter's pod.") with { InertWhen = WithExporters };

    /// <summary>The postgres_exporter object.</summary>
    public static readonly ConfigKey PostgresExporter = Define.Object("monitoring.postgresExporter", "postgres_exporter's pod.") with { InertWhen = WithExporters };

    /// <summary>The redis_exporter object.</summary>
    public static readonly ConfigKey RedisExporter = Define.Object("monitoring.redisExporter",
        "redis_exporter: the sidecar of each in-cluster Redis, or the Deployment per ElastiCache group.") with { InertWhen = WithRedisExporter };

    /// <summary>The exporters' sizes.</summary>
    public static readonly IReadOnlyList<ConfigKey> ExporterSizes =
    [
        .. Size("monitoring.celeryExporter", "celery-exporter", s => s.Pods.Services.CeleryExporter, null),
        .. Size("monitoring.postgresExporter", "postgres_exporter", s => s.Pods.Services.PostgresExporter, null),
        .. Size("monitoring.redisExporter", "redis_exporter", s => s.Pods.Services.RedisExporter, null),
    ];

    /// <summary><c>database.storageGi</c> and <c>database.storageClass</c>.</summary>
    public static readonly IReadOnlyList<ConfigKey> DatabaseStorage = Storage("database", "PostgreSQL's data directory", s => s.Pods.Storage.Database);

    /// <summary><c>redis.broker.storageGi</c> and <c>redis.broker.storageClass</c> (the cache persists nothing: it has no volume).</summary>
    public static readonly IReadOnlyList<ConfigKey> BrokerStorage = Storage("redis.broker", "the broker's append-only file", s => s.Pods.Storage.Broker);

    /// <summary>The exporters run with monitoring only.</summary>
    public static string? WithExporters(StackSettings s) => s.Monitoring.Enabled ? null : "monitoring.enabled is false: no exporter is deployed";

    /// <summary>redis_exporter is the in-cluster Redis' sidecar always, and on AWS a Deployment with monitoring.</summary>
    public static string? WithRedisExporter(StackSettings s) =>
        s.DataServices == DataServicesMode.InCluster || s.Monitoring.Enabled ? null : "monitoring.enabled is false on dataServices aws: no redis_exporter is deployed";

    private static IReadOnlyList<ConfigKey> Size(string parent, string what, Func<StackSettings, PodResources> of, Func<StackSettings, string?>? inert, string priced = "priced by plan") =>
    [
        Define.Int($"{parent}.cpuMillis", 10, 64_000, $"CPU request of {what}'s pod, millicores ({priced}).", s => of(s).CpuMillis) with { InertWhen = inert },
        Define.Int($"{parent}.memoryMi", 32, 262_144, $"Memory of {what}'s pod, request = limit, MiB ({priced}).", s => of(s).MemoryMi) with { InertWhen = inert },
    ];

    private static IReadOnlyList<ConfigKey> Storage(string parent, string what, Func<StackSettings, VolumeSettings> of) =>
    [
        Define.Int($"{parent}.storageGi", 1, 65_536, $"Size of {what}'s volume, GiB (dataServices inCluster; priced as gp3).", s => of(s).SizeGi) with { InertWhen = Applies.InCluster },
        Define.Text($"{parent}.storageClass", Patterns.DnsName, $"StorageClass of {what}'s volume (dataServices inCluster); omitted: the cluster's default.",
            "the name of a StorageClass (a DNS subdomain), e.g. gp3", s => of(s).StorageClass) with { MaxLength = 253, DefaultText = "the cluster's default", InertWhen = Applies.InCluster },
    ];
}
