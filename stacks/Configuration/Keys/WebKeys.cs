namespace Superset.Configuration.Keys;

/// <summary><c>superset:web</c>: the gunicorn pods.</summary>
public static class WebKeys
{
    /// <summary>The object.</summary>
    public static readonly ConfigKey Object = Define.Object("web", "The gunicorn web pods.");

    /// <summary><c>web.threads</c>.</summary>
    public static readonly ConfigKey Threads = Define.Int("web.threads", 1, 64, "gthread threads per gunicorn process.", s => s.Web.Threads);

    /// <summary><c>web.processMemoryMi</c>.</summary>
    public static readonly ConfigKey ProcessMemoryMi = Define.Int("web.processMemoryMi", 64, 16_384,
        "Planned memory of one gunicorn process, MiB (docs/sources/worker-sizing.md, pitfall 5: 100–300 MB).", s => s.Web.ProcessMemoryMi);

    /// <summary><c>web.podOverheadMi</c>.</summary>
    public static readonly ConfigKey PodOverheadMi = Define.Int("web.podOverheadMi", 0, 16_384,
        "Memory of the gunicorn master and the rest of the pod, MiB.", s => s.Web.PodOverheadMi);

    /// <summary><c>web.memoryMi</c>.</summary>
    public static readonly ConfigKey MemoryMi = Define.Int("web.memoryMi", 128, 262_144, "Pod memory, request = limit, MiB.", s => s.Web.Pod.MemoryMi);

    /// <summary><c>web.cpuMillis</c>.</summary>
    public static readonly ConfigKey CpuMillis = Define.Int("web.cpuMillis", 100, 64_000,
        "Pod CPU request, millicores; caps processes at 2 × CPUs + 1.", s => s.Web.Pod.CpuMillis);

    /// <summary><c>web.minReplicas</c>.</summary>
    public static readonly ConfigKey MinReplicas = Define.Int("web.minReplicas", 1, 1000, "Fewest web pods the HPA keeps.", s => s.Web.MinReplicas);

    /// <summary><c>web.maxReplicas</c>.</summary>
    public static readonly ConfigKey MaxReplicas = Define.Int("web.maxReplicas", 1, 1000, "Most web pods the HPA runs.", s => s.Web.MaxReplicas)
        with { DefaultText = "the replicas the peak needs (computed)" };

    /// <summary><c>web.timeoutSeconds</c>.</summary>
    public static readonly ConfigKey TimeoutSeconds = Define.Int("web.timeoutSeconds", 10, 3600,
        "gunicorn --timeout, seconds (the sizing article's patterns: 60, 120, 180).", s => s.Web.TimeoutSeconds);

    /// <summary><c>web.maxRequests</c>.</summary>
    public static readonly ConfigKey MaxRequests = Define.Int("web.maxRequests", 0, 1_000_000,
        "gunicorn --max-requests: a process is recycled after this many requests (0: never).", s => s.Web.Recycling.MaxRequests);

    /// <summary><c>web.maxRequestsJitter</c>.</summary>
    public static readonly ConfigKey MaxRequestsJitter = Define.Int("web.maxRequestsJitter", 0, 1_000_000,
        "gunicorn --max-requests-jitter.", s => s.Web.Recycling.Jitter) with { InertWhen = Applies.WithRequestRecycling };

    /// <summary><c>web.dbPoolOverflow</c>.</summary>
    public static readonly ConfigKey DbPoolOverflow = Define.Int("web.dbPoolOverflow", 0, 64,
        "SQLAlchemy max_overflow per web process (pool_size = threads).", s => s.Web.DbPoolOverflow);

    /// <summary>The web.cost object.</summary>
    public static readonly ConfigKey Cost = Define.Object("web.cost", "The node pool the web pods are priced on.");

    /// <summary>The web pool's node type and spot discount.</summary>
    public static readonly IReadOnlyList<ConfigKey> CostFields = PoolCostKeys.Fields("web.cost", s => s.Web.Cost, null);

    /// <summary>The web.service object.</summary>
    public static readonly ConfigKey Service = Define.Object("web.service", "The web Service.");

    /// <summary><c>web.service.type</c>.</summary>
    public static readonly ConfigKey ServiceType = Define.Choice("web.service.type", ["ClusterIP", "NodePort", "LoadBalancer"],
        "ClusterIP (behind an Ingress or Gateway), NodePort, or LoadBalancer (an NLB without an Ingress: ingress.controller none and ingress.sourceCidrs).",
        "ClusterIP, NodePort or LoadBalancer", s => s.Web.Service.Type);

    /// <summary><c>web.service.annotations</c>.</summary>
    public static readonly ConfigKey ServiceAnnotations = Define.TextMap("web.service.annotations",
        "Annotations of the web Service (service.beta.kubernetes.io/aws-load-balancer-type: external for an NLB by the AWS Load Balancer Controller).",
        Patterns.QualifiedName, null, "a mapping of annotation keys to text", s => s.Web.Service.Annotations) with { DefaultText = "none" };
}
