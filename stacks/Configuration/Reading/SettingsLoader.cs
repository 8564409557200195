using System.Text.RegularExpressions;
using Superset.Catalog;
using Superset.Configuration.Tiers;

namespace Superset.Configuration.Reading;

/// <summary>
/// Turns raw config (a stack file or Pulumi's config) into validated <see cref="StackSettings"/>:
/// the tier supplies every default, each key present overrides it. Every problem is collected and
/// reported together with the key, the value and what would be valid.
/// </summary>
public static partial class SettingsLoader
{
    /// <summary>The tier when <c>superset:tier</c> is absent (Pulumi.yaml declares the same default).</summary>
    public const string DefaultTier = "small";

    /// <summary>The namespace when <c>superset:namespace</c> is absent.</summary>
    public const string DefaultNamespace = "superset";

    /// <summary>The data services when <c>superset:dataServices</c> is absent.</summary>
    public const string DefaultDataServices = "inCluster";

    /// <summary>Every top-level key this program reads, without the <c>superset:</c> prefix.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } =
        ["tier", "namespace", "dataServices", "sizing", "web", "queues", "database", "redis", "ingress", "image", "aws", "monitoring", "asyncQueries", "flower", "cluster", "cost", "supersetVersion", "reports", ReportsReader.PasswordKey, "autoscaling"];

    /// <summary>Reads and validates; throws <see cref="SettingsException"/> with every problem found.</summary>
    public static StackSettings Load(IConfigSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<SettingsError>();

        var tierText = source.Get("tier") ?? DefaultTier;
        if (!TierCatalog.ByConfigName.TryGetValue(tierText, out var tier))
        {
            errors.Add(new SettingsError("superset:tier", tierText,
                $"one of {string.Join(", ", TierCatalog.ByConfigName.Keys)} (seed 002's 50, 500 and 5,000 concurrent users)"));
            tier = TierName.Small; // keep reading, so the other keys' problems are reported too
        }

        var defaults = TierCatalog.Get(tier);

        foreach (var key in (source.Keys ?? []).Where(k => !TopLevelKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new SettingsError($"superset:{key}", "(unknown key)", $"one of superset:{string.Join(", superset:", TopLevelKeys)}"));
        }

        var ns = source.Get("namespace") ?? DefaultNamespace;
        if (!IsDnsLabel(ns, 63))
        {
            errors.Add(new SettingsError("superset:namespace", ns, "a Kubernetes namespace name: lowercase letters, digits and '-', at most 63 characters"));
        }

        var modeText = source.Get("dataServices") ?? DefaultDataServices;
        var mode = modeText switch
        {
            "inCluster" => DataServicesMode.InCluster,
            "aws" => DataServicesMode.Aws,
            _ => (DataServicesMode?)null,
        };
        if (mode is null)
        {
            errors.Add(new SettingsError("superset:dataServices", modeText, "inCluster (PostgreSQL and Redis pods) or aws (RDS and ElastiCache)"));
        }

        var autoscaling = ReadAutoscaling(ObjectReader.ForKey(source, "autoscaling", errors));
        var image = ReadImage(source, errors);
        var release = ReleaseReader.Resolve(image, source.Get("supersetVersion"), errors);
        var settings = new StackSettings(
            tier,
            ns,
            mode ?? DataServicesMode.InCluster,
            ReadSizing(ObjectReader.ForKey(source, "sizing", errors), defaults.Sizing),
            ReadWeb(ObjectReader.ForKey(source, "web", errors), defaults.Web),
            QueueReader.Read(ObjectReader.ForKey(source, "queues", errors), HpaFloor(defaults.Queues, autoscaling.Engine), errors),
            ReadDatabase(ObjectReader.ForKey(source, "database", errors), defaults.Database, mode ?? DataServicesMode.InCluster),
            ReadRedis(ObjectReader.ForKey(source, "redis", errors), defaults.Redis, mode ?? DataServicesMode.InCluster),
            ReadIngress(ObjectReader.ForKey(source, "ingress", errors)),
            image,
            ReadAws(ObjectReader.ForKey(source, "aws", errors), mode ?? DataServicesMode.InCluster, tier, errors),
            ReadMonitoring(ObjectReader.ForKey(source, "monitoring", errors)),
            defaults.Celery,
            defaults.Caches,
            ReadAsyncQueries(ObjectReader.ForKey(source, "asyncQueries", errors), errors),
            ReadFlower(ObjectReader.ForKey(source, "flower", errors)),
            ReadCluster(ObjectReader.ForKey(source, "cluster", errors), mode ?? DataServicesMode.InCluster),
            CostSettingsReader.Read(ObjectReader.ForKey(source, "cost", errors), source),
            release,
            ReportsReader.Read(ObjectReader.ForKey(source, "reports", errors), source, image, release, errors),
            autoscaling);

        if (settings.Autoscaling.InstallKeda && settings.Autoscaling.Engine == AutoscalingEngine.Hpa && settings.Monitoring.InstallStack)
        {
            // KEDA's metrics server and prometheus-adapter both register v1beta1.external.metrics.k8s.io
            // (kedacore/charts keda/templates/metrics-server/apiservice.yaml@v2.20.2); one APIService, one owner.
            errors.Add(new SettingsError("superset:autoscaling.installKeda", "true",
                "false with autoscaling.engine hpa and monitoring.installStack: KEDA and prometheus-adapter would both register the APIService v1beta1.external.metrics.k8s.io; use engine keda (no adapter) or install KEDA without the adapter"));
        }

        if (errors.Count > 0)
        {
            throw new SettingsException(source.Origin, errors);
        }

        return settings;
    }

    private static SizingInputs ReadSizing(ObjectReader r, SizingInputs d)
    {
        var result = new SizingInputs(
            r.Int("peakConcurrentUsers", d.PeakConcurrentUsers, 1, 1_000_000, " (users making requests at the same moment at peak)"),
            r.Int("p95LatencyMs", d.P95LatencyMs, 1, 600_000, " (95th percentile request latency in ms)"),
            r.Decimal("cacheHitRate", d.CacheHitRate, 0m, 1m, maxExclusive: true, " (share of requests served from cache)"),
            r.Decimal("safetyMargin", d.SafetyMargin, 1.0m, 2.0m, maxExclusive: false, " (seed 002 uses 1.2 to 1.5)"));
        r.RejectUnknown();
        return result;
    }

    private static WebSettings ReadWeb(ObjectReader r, WebSettings d)
    {
        var result = new WebSettings(
            r.Int("threads", d.Threads, 1, 64),
            r.Int("processMemoryMi", d.ProcessMemoryMi, 64, 16_384),
            r.Int("podOverheadMi", d.PodOverheadMi, 0, 16_384),
            r.Int("memoryMi", d.MemoryMi, 128, 262_144),
            r.Int("cpuMillis", d.CpuMillis, 100, 64_000),
            r.Int("minReplicas", d.MinReplicas, 1, 1000),
            r.NullableInt("maxReplicas", 1, 1000) ?? d.MaxReplicas,
            r.Int("timeoutSeconds", d.TimeoutSeconds, 10, 3600),
            r.Int("maxRequests", d.MaxRequests, 0, 1_000_000),
            r.Int("maxRequestsJitter", d.MaxRequestsJitter, 0, 1_000_000),
            r.Int("dbPoolOverflow", d.DbPoolOverflow, 0, 64));
        r.RejectUnknown();
        return result;
    }

    private static DatabaseSettings ReadDatabase(ObjectReader r, DatabaseSettings d, DataServicesMode mode)
    {
        var instanceClass = r.String("instanceClass", d.InstanceClass,
            c => mode != DataServicesMode.Aws || RdsInstanceClasses.MemoryGiB(c) is not null,
            $"an RDS instance class this plan can size: {RdsInstanceClasses.Known}");
        var result = new DatabaseSettings(
            instanceClass,
            r.Int("memoryMi", d.MemoryMi, 256, 1_048_576),
            r.NullableInt("maxConnections", 20, 262_143) ?? d.MaxConnections,
            r.Decimal("budgetFraction", d.BudgetFraction, 0.1m, 0.7m, maxExclusive: false,
                " (seed 002 pitfall 2: Superset may use at most 60–70 % of max_connections)"),
            r.Int("otherClients", d.OtherClients, 0, 10_000));
        r.RejectUnknown();
        return result;
    }

    private static RedisSettings ReadRedis(ObjectReader r, RedisSettings d, DataServicesMode mode)
    {
        var result = new RedisSettings(ReadRedisRole(r.Child("broker"), d.Broker, mode), ReadRedisRole(r.Child("cache"), d.Cache, mode));
        r.RejectUnknown();
        return result;
    }

    private static RedisRoleSettings ReadRedisRole(ObjectReader r, RedisRoleSettings d, DataServicesMode mode)
    {
        var result = new RedisRoleSettings(
            r.Int("memoryMi", d.MemoryMi, 64, 1_048_576),
            r.String("nodeType", d.NodeType,
                t => mode != DataServicesMode.Aws || ElastiCacheNodeTypes.MaxMemoryGiB(t) is not null,
                $"an ElastiCache node type this plan can size: {ElastiCacheNodeTypes.Known}"),
            r.Int("reservedMemoryPercent", d.ReservedMemoryPercent, 10, 75,
                " (memory kept from maxmemory for forks and buffers; ElastiCache recommends 25)"));
        r.RejectUnknown();
        return result;
    }

    /// <summary>RDS PostgreSQL version: the in-cluster image (Images.Postgres) runs the same major.</summary>
    public const string PostgresVersion = "16.4";

    private static AwsSettings ReadAws(ObjectReader r, DataServicesMode mode, TierName tier, List<SettingsError> errors)
    {
        var result = new AwsSettings(
            r.NullableString("vpcId", AwsId("vpc"), "a VPC id: vpc- and 8 or 17 hex digits"),
            r.StringList("privateSubnetIds", AwsId("subnet"), "subnet ids (subnet- and 8 or 17 hex digits)"),
            r.NullableString("clientSecurityGroupId", AwsId("sg"), "a security group id: sg- and 8 or 17 hex digits"),
            r.String("postgresVersion", PostgresVersion, v => PostgresVersionPattern().IsMatch(v), "a PostgreSQL major.minor version RDS offers, e.g. 16.4"),
            // Storage per tier: gp3's 20 GiB minimum for small; the metadata database stays small
            // (it holds dashboards, not data), query history and logs make it grow with users.
            r.Int("allocatedStorageGb", tier switch { TierName.Small => 20, TierName.Medium => 100, _ => 400 }, 20, 65_536),
            r.Int("backupRetentionDays", 14, 1, 35, " (RDS allows 1 to 35)"),
            r.Bool("multiAz", tier != TierName.Small),
            r.Bool("protectData", true),
            r.NullableString("alarmTopicArn", v => SnsArn().IsMatch(v), "an SNS topic ARN: arn:aws:sns:<region>:<12-digit account>:<name>"));
        r.RejectUnknown();

        if (mode == DataServicesMode.Aws)
        {
            if (result.VpcId is null)
            {
                errors.Add(new SettingsError(r.KeyOf("vpcId"), "(missing)", "the id of the EKS cluster's VPC (dataServices is aws)"));
            }

            if (result.PrivateSubnetIds.Count < 2)
            {
                errors.Add(new SettingsError(r.KeyOf("privateSubnetIds"), $"{result.PrivateSubnetIds.Count} subnets",
                    "at least two private subnets in different availability zones (RDS and ElastiCache subnet groups need two)"));
            }

            if (result.ClientSecurityGroupId is null)
            {
                errors.Add(new SettingsError(r.KeyOf("clientSecurityGroupId"), "(missing)",
                    "the security group of the cluster's nodes or pods, the only source admitted to PostgreSQL and Redis"));
            }
        }

        return result;
    }

    private static Func<string, bool> AwsId(string prefix) => v => AwsIdPattern().IsMatch(v) && v.StartsWith(prefix + "-", StringComparison.Ordinal);

    [GeneratedRegex("^(vpc|subnet|sg)-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex AwsIdPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SnsArn();

    [GeneratedRegex("^[0-9]{2}\\.[0-9]{1,2}$")]
    private static partial Regex PostgresVersionPattern();

    private static string ReadImage(IConfigSource source, List<SettingsError> errors)
    {
        var image = source.Get("image") ?? Images.Superset;
        if (!PinnedImage().IsMatch(image) || image.EndsWith(":latest", StringComparison.Ordinal))
        {
            errors.Add(new SettingsError("superset:image", image,
                "an image pinned by tag or digest (repository:tag or repository@sha256:…), not :latest, with a PostgreSQL driver (docker/Dockerfile)"));
        }

        return image;
    }

    [GeneratedRegex("^[a-z0-9]+([._/:-][a-z0-9]+)*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|@sha256:[a-f0-9]{64})$")]
    private static partial Regex PinnedImage();

    /// <summary>Default host: <c>*.localhost</c> resolves to the loopback address on most systems (RFC 6761).</summary>
    public const string DefaultHost = "superset.localhost";

    private static IngressSettings ReadIngress(ObjectReader r)
    {
        var result = new IngressSettings(
            r.String("host", DefaultHost, IsDnsName, "a DNS name, e.g. superset.example.com"),
            r.String("className", "nginx", c => IsDnsLabel(c, 63), "the name of an IngressClass (a DNS label)"),
            r.NullableString("tlsSecretName", c => IsDnsLabel(c, 253), "the name of a kubernetes.io/tls Secret in the namespace"),
            r.String("controllerNamespace", "ingress-nginx", c => IsDnsLabel(c, 63), "the namespace of the NGINX ingress controller (ingress-nginx's default: ingress-nginx)"),
            r.Bool("installController", false));
        r.RejectUnknown();
        return result;
    }

    private static MonitoringSettings ReadMonitoring(ObjectReader r)
    {
        var installStack = r.Bool("installStack", false);
        var result = new MonitoringSettings(
            r.String("namespace", "monitoring", c => IsDnsLabel(c, 63), "the namespace of Prometheus (kube-prometheus-stack's usual: monitoring)"),
            // kube-prometheus-stack's Helm release name when installed as its README shows. It is a
            // release name (installStack uses it as one), so Helm's rule applies: at most 53
            // characters of a DNS-1123 subdomain (helm/helm pkg/chartutil/validate_name.go, Helm 3,
            // maxReleaseNameLen and validName).
            r.String("releaseLabel", "kube-prometheus-stack", IsHelmReleaseName,
                "a Helm release name (the release of kube-prometheus-stack): at most 53 lowercase letters, digits, '-' and '.'"),
            r.Bool("enabled", true),
            installStack,
            r.Bool("installMetricsServer", installStack));
        r.RejectUnknown();
        return result;
    }

    /// <summary>KEDA's namespace when <c>autoscaling.kedaNamespace</c> is absent (the chart's documented install: <c>helm install keda kedacore/keda --namespace keda</c>).</summary>
    public const string DefaultKedaNamespace = "keda";

    /// <summary>The tier's pools at zero start at one pod under engine hpa (an HPA's floor); an explicit 0 is still refused there.</summary>
    private static IReadOnlyList<QueueSettings> HpaFloor(IReadOnlyList<QueueSettings> queues, AutoscalingEngine engine) =>
        engine == AutoscalingEngine.Hpa ? queues.Select(q => q.MinReplicas == 0 ? q with { MinReplicas = 1 } : q).ToList() : queues;

    private static AutoscalingSettings ReadAutoscaling(ObjectReader r)
    {
        var engine = r.String("engine", "keda", e => e is "keda" or "hpa",
            "keda (ScaledObjects reading the broker; pools may scale to zero) or hpa (HPAs on prometheus-adapter's External metric)");
        var result = new AutoscalingSettings(
            engine == "hpa" ? AutoscalingEngine.Hpa : AutoscalingEngine.Keda,
            r.Bool("installKeda", false),
            r.String("kedaNamespace", DefaultKedaNamespace, c => IsDnsLabel(c, 63), "the namespace of KEDA's operator (a DNS label; KEDA's documented install uses keda)"));
        r.RejectUnknown();
        return result;
    }

    private static ClusterKind ReadCluster(ObjectReader r, DataServicesMode mode)
    {
        var kind = r.String("kind", mode == DataServicesMode.Aws ? "eks" : "local", k => k is "local" or "eks" or "selfManaged",
            "local (kind, minikube, Docker Desktop), eks or selfManaged (control plane and kube-proxy metrics reachable: the charts' defaults)");
        r.RejectUnknown();
        return kind switch
        {
            "eks" => ClusterKind.Eks,
            "selfManaged" => ClusterKind.SelfManaged,
            _ => ClusterKind.Local,
        };
    }

    /// <summary>Helm's release name rule (helm/helm pkg/chartutil/validate_name.go, Helm 3).</summary>
    internal static bool IsHelmReleaseName(string value) => value.Length <= 53 && HelmReleaseName().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex HelmReleaseName();

    private static AsyncQuerySettings ReadAsyncQueries(ObjectReader r, List<SettingsError> errors)
    {
        var result = new AsyncQuerySettings(
            r.Bool("enabled", true),
            r.String("transport", "polling", t => t is "polling" or "ws", "polling (works behind any ingress) or ws (Superset's websocket server)"),
            r.Int("pollingDelayMs", 500, 100, 60_000, " (Superset's default: 500)"),
            r.NullableString("websocketImage", v => PinnedImage().IsMatch(v) && !v.EndsWith(":latest", StringComparison.Ordinal),
                "a superset-websocket image pinned by tag or digest (Apache publishes none: build superset-websocket/ from the Superset repository)"),
            r.Int("warmupDashboards", 5, 0, 100, " (most popular dashboards the cache queue keeps warm; 0 turns warm-up off)"));
        r.RejectUnknown();
        if (result.Enabled && result.Transport == "ws" && result.WebsocketImage is null)
        {
            errors.Add(new SettingsError(r.KeyOf("websocketImage"), "(missing)",
                "a superset-websocket image when transport is ws, or transport: polling"));
        }

        return result;
    }

    private static FlowerSettings ReadFlower(ObjectReader r)
    {
        var result = new FlowerSettings(r.Bool("enabled", false), r.Bool("ingress", false));
        r.RejectUnknown();
        return result;
    }

    private static bool IsDnsName(string value) =>
        value.Length <= 253 && value.Split('.').All(part => IsDnsLabel(part, 63));

    /// <summary>A DNS-1123 label: what Kubernetes accepts as a namespace or a name part.</summary>
    internal static bool IsDnsLabel(string value, int maxLength) =>
        value.Length <= maxLength && DnsLabel().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
