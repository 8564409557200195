using Superset.Planning.Network;

namespace Superset.Planning.Workloads;

/// <summary>
/// What a workload says about its connections (<see cref="WorkloadSpec.Connect"/>): what it reaches
/// and must not reach, who may reach it and who must not, and its paths on the Ingress. A connection
/// to or from a workload the stack does not deploy (the in-cluster database on AWS) is dropped when
/// the topology is built: it leads nowhere the NetworkPolicies govern.
/// </summary>
public sealed class ConnectionBuilder
{
    /// <summary>Stands for any namespace that is not the stack's, the ingress controller's or Prometheus'.</summary>
    public const string ForeignNamespace = "another-tenant";

    /// <summary>The <c>app.kubernetes.io/name</c> label of KEDA's operator pods (kedacore/charts keda/values.yaml@v2.20.2, operator.name).</summary>
    public const string KedaOperatorName = "keda-operator";

    private readonly List<Connection> needed;
    private readonly List<Connection> forbidden;
    private readonly List<IngressRoute> routes;

    /// <summary>A builder for <paramref name="me"/>, adding to the lists the topology is built from.</summary>
    public ConnectionBuilder(StackPlan plan, Workload me, List<Connection> needed, List<Connection> forbidden, List<IngressRoute> routes)
    {
        Plan = plan ?? throw new ArgumentNullException(nameof(plan));
        Me = me ?? throw new ArgumentNullException(nameof(me));
        this.needed = needed;
        this.forbidden = forbidden;
        this.routes = routes;
    }

    /// <summary>The stack's plan.</summary>
    public StackPlan Plan { get; }

    /// <summary>The workload declaring.</summary>
    public Workload Me { get; }

    /// <summary>
    /// Who connects to the web tier from outside it: the controller's or gateway's proxy pods (their
    /// namespace and labels), a load balancer in IP mode (its address blocks), or nobody (controller
    /// none behind a ClusterIP Service: a port-forward, which NetworkPolicy does not see).
    /// </summary>
    public IReadOnlyList<Peer> Ingress => Plan.Ingress switch
    {
        { InClusterProxy: true } i => [new InNamespace(i.ControllerNamespace, i.Controller == "gateway" ? "gateway proxy" : "ingress controller", i.ControllerPodLabels)],
        { SourceCidrs.Count: > 0 } i => i.SourceCidrs.Select(c => (Peer)new FromCidr(c, i.Controller == "alb" ? "ALB in IP mode" : "load balancer in IP mode")).ToList(),
        _ => [],
    };

    /// <summary>What must not pass where <see cref="Ingress"/> does: the controller's namespace's other pods, or an address outside the blocks.</summary>
    public IReadOnlyList<Peer> NotIngress => Plan.Ingress switch
    {
        { InClusterProxy: true, ControllerPodLabels: not null } i => [new InNamespace(i.ControllerNamespace, $"another pod of the {(i.Controller == "gateway" ? "gateway's" : "ingress controller's")} namespace")],
        { SourceCidrs.Count: > 0 } i => [new FromCidr(Outside(i.SourceCidrs), "an address outside ingress.sourceCidrs")],
        _ => [],
    };

    /// <summary>Admits every <see cref="Ingress"/> peer to this workload's port, and refuses the <see cref="NotIngress"/> ones.</summary>
    public void AdmitIngress(string port, string why)
    {
        foreach (var peer in Ingress)
        {
            Admit(peer, port, why);
        }

        foreach (var peer in NotIngress)
        {
            Refuse(peer, port, "only the ingress's own proxy or load balancer serves users");
        }
    }

    /// <summary>Refuses every <see cref="Ingress"/> peer on this workload's port.</summary>
    public void RefuseIngress(string port, string why)
    {
        foreach (var peer in Ingress)
        {
            Refuse(peer, port, why);
        }
    }

    /// <summary>A documentation block (RFC 5737) none of <paramref name="cidrs"/> contains, as a /32 the matrix tries.</summary>
    private static string Outside(IReadOnlyList<string> cidrs) =>
        new[] { "203.0.113.10/32", "198.51.100.10/32", "192.0.2.10/32" }.First(a => !cidrs.Any(c => Cidr.Contains(c, a[..a.IndexOf('/', StringComparison.Ordinal)])));

    /// <summary>Prometheus (its namespace).</summary>
    public InNamespace Prometheus => new(Plan.Monitoring.Namespace, "Prometheus");

    /// <summary>A pod of an unrelated namespace.</summary>
    public static InNamespace Foreign { get; } = new(ForeignNamespace, "a pod of another namespace");

    /// <summary>
    /// KEDA's operator, which runs the Redis scalers (kedacore/keda pkg/scalers/redis_scaler.go@v2.20.2):
    /// its pods carry <c>app.kubernetes.io/name: keda-operator</c> (kedacore/charts
    /// keda/templates/manager/deployment.yaml@v2.20.2, operator.name in values.yaml).
    /// </summary>
    public InNamespace KedaOperator =>
        new(Plan.Autoscaling.KedaNamespace, "KEDA's operator", new Dictionary<string, string> { ["app.kubernetes.io/name"] = KedaOperatorName });

    /// <summary>Any other pod of KEDA's namespace.</summary>
    public InNamespace OtherKedaPod => new(Plan.Autoscaling.KedaNamespace, "another pod of KEDA's namespace");

    /// <summary>The pods of a workload, as a source.</summary>
    public static PodsOf Pods(string component) => new(component);

    /// <summary><paramref name="from"/> must reach this workload's <paramref name="port"/>.</summary>
    public void Admit(Peer from, string port, string why) => needed.Add(new(from, Me.Component, Me.Port(port).Name, why));

    /// <summary><paramref name="from"/> must not reach this workload's <paramref name="port"/>.</summary>
    public void Refuse(Peer from, string port, string why) => forbidden.Add(new(from, Me.Component, Me.Port(port).Name, why));

    /// <summary>This workload must reach <paramref name="to"/>'s <paramref name="port"/>.</summary>
    public void Reach(Workload to, string port, string why)
    {
        ArgumentNullException.ThrowIfNull(to);
        needed.Add(new(Pods(Me.Component), to.Component, to.Port(port).Name, why));
    }

    /// <summary>This workload must not reach <paramref name="to"/>'s <paramref name="port"/>.</summary>
    public void Avoid(Workload to, string port, string why)
    {
        ArgumentNullException.ThrowIfNull(to);
        forbidden.Add(new(Pods(Me.Component), to.Component, to.Port(port).Name, why));
    }

    /// <summary>The Ingress routes <paramref name="path"/> of the Superset host to this workload's <paramref name="port"/>.</summary>
    public void Route(string path, string port) => routes.Add(new IngressRoute(path, Me.Component, Me.Port(port).Name));
}
