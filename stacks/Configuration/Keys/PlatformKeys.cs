namespace Superset.Configuration.Keys;

/// <summary>The cluster around the stack: ingress, monitoring, autoscaling engine, cluster kind.</summary>
public static class PlatformKeys
{
    /// <summary>Default host: <c>*.localhost</c> resolves to the loopback address on most systems (RFC 6761).</summary>
    public const string DefaultHost = "superset.localhost";

    /// <summary>KEDA's namespace when <c>autoscaling.kedaNamespace</c> is absent (the chart's documented install: <c>helm install keda kedacore/keda --namespace keda</c>).</summary>
    public const string DefaultKedaNamespace = "keda";

    /// <summary>The ingress object.</summary>
    public static readonly ConfigKey Ingress = Define.Object("ingress", "How users reach the web tier: an Ingress of NGINX, the AWS Load Balancer Controller or Traefik, a Gateway API HTTPRoute, or none.");

    /// <summary><c>ingress.host</c>.</summary>
    public static readonly ConfigKey Host = Define.Text("ingress.host", Patterns.DnsName, "Host name the Ingress serves.",
        "a DNS name, e.g. superset.example.com", s => s.Ingress.Host) with { MaxLength = 253 };

    /// <summary><c>ingress.className</c>.</summary>
    public static readonly ConfigKey ClassName = Define.Text("ingress.className", Patterns.DnsLabel, "IngressClass of the controller.",
        "the name of an IngressClass (a DNS label)", s => s.Ingress.ClassName) with { MaxLength = 63, DefaultText = "the controller's: nginx, alb or traefik", InertWhen = Applies.WithIngressClass };

    /// <summary><c>ingress.tlsSecretName</c>.</summary>
    public static readonly ConfigKey TlsSecretName = Define.Text("ingress.tlsSecretName", Patterns.DnsLabel,
        "A kubernetes.io/tls Secret in the namespace; omitted: plain HTTP (dev only).",
        "the name of a kubernetes.io/tls Secret in the namespace", s => s.Ingress.TlsSecretName) with { MaxLength = 253, DefaultText = "none", InertWhen = Applies.WithTlsSecret };

    /// <summary><c>ingress.controllerNamespace</c>.</summary>
    public static readonly ConfigKey ControllerNamespace = Define.Text("ingress.controllerNamespace", Patterns.DnsLabel,
        "The ingress controller's (or gateway's proxy) namespace: the only one NetworkPolicy admits to the web pods.",
        "the namespace of the ingress controller or gateway proxy (ingress-nginx's default: ingress-nginx)", s => s.Ingress.ControllerNamespace)
        with { MaxLength = 63, DefaultText = "nginx: ingress-nginx; traefik: traefik; gateway: ingress.gateway.namespace", InertWhen = Applies.WithControllerPods };

    /// <summary><c>ingress.installController</c>.</summary>
    public static readonly ConfigKey InstallController = Define.Bool("ingress.installController", "Install the pinned ingress-nginx chart (controller nginx).", s => s.Ingress.InstallController) with { InertWhen = Applies.WithNginx };

    /// <summary>The monitoring object.</summary>
    public static readonly ConfigKey Monitoring = Define.Object("monitoring", "Prometheus Operator objects, exporters and alert rules.");

    /// <summary><c>monitoring.namespace</c>.</summary>
    public static readonly ConfigKey MonitoringNamespace = Define.Text("monitoring.namespace", Patterns.DnsLabel,
        "Prometheus' namespace, the only one admitted to metrics ports.",
        "the namespace of Prometheus (kube-prometheus-stack's usual: monitoring)", s => s.Monitoring.Namespace) with { MaxLength = 63 };

    /// <summary><c>monitoring.releaseLabel</c>: a Helm release name (installStack uses it as one).</summary>
    public static readonly ConfigKey ReleaseLabel = Define.Text("monitoring.releaseLabel", Patterns.HelmReleaseName,
        "The release label kube-prometheus-stack selects ServiceMonitors and rules by, and its release name with installStack.",
        "a Helm release name (the release of kube-prometheus-stack): at most 53 lowercase letters, digits, '-' and '.'", s => s.Monitoring.ReleaseLabel) with { MaxLength = 53, InertWhen = Applies.WithMonitoring };

    /// <summary><c>monitoring.enabled</c>.</summary>
    public static readonly ConfigKey MonitoringEnabled = Define.Bool("monitoring.enabled",
        "Exporters, ServiceMonitors, PrometheusRules and queue-depth metrics (needs the Prometheus Operator's CRDs).", s => s.Monitoring.Enabled);

    /// <summary><c>monitoring.installStack</c>.</summary>
    public static readonly ConfigKey InstallStack = Define.Bool("monitoring.installStack",
        "Install the pinned kube-prometheus-stack chart, and prometheus-adapter with autoscaling.engine hpa.", s => s.Monitoring.InstallStack);

    /// <summary><c>monitoring.installMetricsServer</c>.</summary>
    public static readonly ConfigKey InstallMetricsServer = Define.Bool("monitoring.installMetricsServer",
        "Install the pinned metrics-server chart (the resource metrics API every CPU target reads).", s => s.Monitoring.InstallMetricsServer)
        with { DefaultText = "monitoring.installStack" };

    /// <summary>The autoscaling object.</summary>
    public static readonly ConfigKey Autoscaling = Define.Object("autoscaling", "The worker pools' autoscaling engine.");

    /// <summary><c>autoscaling.engine</c>.</summary>
    public static readonly ConfigKey Engine = Define.Choice("autoscaling.engine", ["keda", "hpa"],
        "keda: a ScaledObject per pool reading the broker (pools may scale to zero); hpa: HPAs on prometheus-adapter's External metric.",
        "keda (ScaledObjects reading the broker; pools may scale to zero) or hpa (HPAs on prometheus-adapter's External metric)",
        s => s.Autoscaling.Engine == AutoscalingEngine.Hpa ? "hpa" : "keda");

    /// <summary><c>autoscaling.installKeda</c>.</summary>
    public static readonly ConfigKey InstallKeda = Define.Bool("autoscaling.installKeda", "Install the pinned kedacore/keda chart.", s => s.Autoscaling.InstallKeda);

    /// <summary><c>autoscaling.kedaNamespace</c>.</summary>
    public static readonly ConfigKey KedaNamespace = Define.Text("autoscaling.kedaNamespace", Patterns.DnsLabel,
        "KEDA's namespace (where it installs; its operator is admitted to the in-cluster broker).",
        "the namespace of KEDA's operator (a DNS label; KEDA's documented install uses keda)", s => s.Autoscaling.KedaNamespace) with { MaxLength = 63, InertWhen = Applies.WithKedaNamespace };

    /// <summary>The cluster object.</summary>
    public static readonly ConfigKey Cluster = Define.Object("cluster", "The kind of cluster the add-ons' values are for.");

    /// <summary><c>cluster.kind</c>.</summary>
    public static readonly ConfigKey Kind = Define.Choice("cluster.kind", ["local", "eks", "selfManaged"],
        "local (kind, minikube, Docker Desktop), eks or selfManaged: what the add-ons' values are for.",
        "local (kind, minikube, Docker Desktop), eks or selfManaged (control plane and kube-proxy metrics reachable: the charts' defaults)",
        s => s.Cluster switch { ClusterKind.Eks => "eks", ClusterKind.SelfManaged => "selfManaged", _ => "local" })
        with { DefaultText = "local with dataServices inCluster, eks with aws" };
}
