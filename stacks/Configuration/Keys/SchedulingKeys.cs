namespace Superset.Configuration.Keys;

/// <summary>
/// <c>scheduling</c> and each role's <c>&lt;role&gt;.scheduling</c>: Kubernetes' placement fields of a
/// PodSpec, checked against the pinned provider's types (stacks/Catalog/Kubernetes). A role's value
/// is merged over the default (<see cref="PodPlacement.Over"/>).
/// </summary>
public static class SchedulingKeys
{
    /// <summary>The default object.</summary>
    public static readonly ConfigKey Default = Define.Object("scheduling",
        "Where every pod runs unless its role's scheduling says otherwise: nodeSelector, tolerations, affinity, topologySpreadConstraints, priorityClassName (Kubernetes' PodSpec fields).");

    /// <summary>The default's fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> DefaultFields = Fields("scheduling", s => s.Pods.Scheduling);

    /// <summary><c>web.scheduling</c>.</summary>
    public static readonly ConfigKey Web = Define.Object("web.scheduling", "Where the web pods run, over superset:scheduling.");

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> WebFields = Fields("web.scheduling", s => s.Web.Scheduling);

    /// <summary><c>beat.scheduling</c>.</summary>
    public static readonly ConfigKey Beat = Define.Object("beat.scheduling", "Where Celery beat runs, over superset:scheduling.");

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> BeatFields = Fields("beat.scheduling", s => s.Pods.Beat.Scheduling);

    /// <summary><c>init.scheduling</c>.</summary>
    public static readonly ConfigKey Init = Define.Object("init.scheduling", "Where the init Job runs, over superset:scheduling.");

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> InitFields = Fields("init.scheduling", s => s.Pods.Init.Scheduling);

    /// <summary><c>services.scheduling</c>.</summary>
    public static readonly ConfigKey Services = Define.Object("services.scheduling",
        "Where the pods beside Superset run (exporters, Flower, the websocket server, in-cluster PostgreSQL and Redis), over superset:scheduling.");

    /// <summary>Its fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> ServicesFields = Fields("services.scheduling", s => s.Pods.ServicesScheduling);

    /// <summary>The five fields of a scheduling object at <paramref name="parent"/>, landing in the placement <paramref name="of"/> gives.</summary>
    internal static IReadOnlyList<ConfigKey> Fields(string parent, Func<StackSettings, PodPlacement> of) =>
        Build(parent, f => s => f(of(s)), null);

    /// <summary>The same fields under <c>queues.&lt;name&gt;.scheduling</c>, landing in a queue's placement.</summary>
    internal static IReadOnlyList<ConfigKey> QueueFields(string parent, Func<QueueSettings, PodPlacement> of) =>
        Build(parent, null, f => q => f(of(q)));

    private static IReadOnlyList<ConfigKey> Build(string parent, Func<Func<PodPlacement, object?>, Func<StackSettings, object?>>? setting,
        Func<Func<PodPlacement, object?>, Func<QueueSettings, object?>>? queue)
    {
        ConfigKey With(ConfigKey key, Func<PodPlacement, object?> field) => key with
        {
            Setting = setting?.Invoke(field), QueueSetting = queue?.Invoke(field), DefaultText = parent == "scheduling" ? "none" : "superset:scheduling's",
        };

        return
        [
            With(Define.TextMap($"{parent}.nodeSelector", "nodeSelector: node labels the pods require (merged by key over the default's).",
                Patterns.QualifiedName, Patterns.LabelValue, "a mapping of node label keys to label values, e.g. karpenter.sh/capacity-type: spot", null), p => p.NodeSelector),
            With(Define.Kubernetes($"{parent}.tolerations", "list:core.v1.Toleration", "tolerations: the taints the pods tolerate (a spot or dedicated node pool's).", null), p => p.Tolerations),
            With(Define.Kubernetes($"{parent}.affinity", "core.v1.Affinity", "affinity: node and pod (anti-)affinity (merged by kind over the default's).", null), p => p.Affinity),
            With(Define.Kubernetes($"{parent}.topologySpreadConstraints", "list:core.v1.TopologySpreadConstraint",
                "topologySpreadConstraints; when none is set, web and every pool of 2 or more pods spread across zones and nodes (ScheduleAnyway).", null), p => p.TopologySpreadConstraints),
            With(Define.Text($"{parent}.priorityClassName", Patterns.DnsName, "priorityClassName: a PriorityClass of the cluster.",
                "the name of a PriorityClass (a DNS subdomain)", null) with { MaxLength = 253 }, p => p.PriorityClassName),
        ];
    }
}
