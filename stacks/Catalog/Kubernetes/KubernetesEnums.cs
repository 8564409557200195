namespace Superset.Catalog.Kubernetes;

/// <summary>The values a field of the Kubernetes field table takes, and where they are declared.</summary>
/// <param name="Values">Every valid value.</param>
/// <param name="Source">The declaration, <c>owner/repo path@tag</c>.</param>
public sealed record KubernetesEnum(IReadOnlyList<string> Values, string Source);

/// <summary>
/// The enumerations of the fields a stack writes most (placement, ports, pull policy), read from
/// kubernetes/api core/v1/types.go@v0.36.1 (the API of Kubernetes v1.36.1, Pulumi.Kubernetes 4.32.0's)
/// and kubernetes/apimachinery pkg/apis/meta/v1/types.go for label selectors. The provider's Args
/// type them as plain strings; a wrong value would otherwise reach the API server.
/// </summary>
public static class KubernetesEnums
{
    private const string CoreTypes = "kubernetes/api core/v1/types.go@v0.36.1";

    private static readonly Dictionary<(string Type, string Field), KubernetesEnum> All = new()
    {
        // TolerationOperator: Exists, Equal, Lt, Gt (Lt and Gt behind the TaintTolerationComparisonOperators gate).
        [("core.v1.Toleration", "operator")] = new(["Equal", "Exists", "Lt", "Gt"], $"{CoreTypes}, TolerationOperator"),
        // TaintEffect: NoSchedule, PreferNoSchedule, NoExecute (NoScheduleNoAdmit is commented out).
        [("core.v1.Toleration", "effect")] = new(["NoSchedule", "PreferNoSchedule", "NoExecute"], $"{CoreTypes}, TaintEffect"),
        [("core.v1.NodeSelectorRequirement", "operator")] = new(["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"], $"{CoreTypes}, NodeSelectorOperator"),
        [("meta.v1.LabelSelectorRequirement", "operator")] = new(["In", "NotIn", "Exists", "DoesNotExist"], "kubernetes/apimachinery pkg/apis/meta/v1/types.go@v0.36.1, LabelSelectorOperator"),
        [("core.v1.TopologySpreadConstraint", "whenUnsatisfiable")] = new(["DoNotSchedule", "ScheduleAnyway"], $"{CoreTypes}, UnsatisfiableConstraintAction"),
        [("core.v1.TopologySpreadConstraint", "nodeAffinityPolicy")] = new(["Honor", "Ignore"], $"{CoreTypes}, NodeInclusionPolicy"),
        [("core.v1.TopologySpreadConstraint", "nodeTaintsPolicy")] = new(["Honor", "Ignore"], $"{CoreTypes}, NodeInclusionPolicy"),
        [("core.v1.ContainerPort", "protocol")] = new(["TCP", "UDP", "SCTP"], $"{CoreTypes}, Protocol"),
        [("core.v1.Container", "imagePullPolicy")] = new(["Always", "Never", "IfNotPresent"], $"{CoreTypes}, PullPolicy"),
        [("core.v1.Container", "restartPolicy")] = new(["Always", "Never", "OnFailure"], $"{CoreTypes}, ContainerRestartPolicy"),
    };

    /// <summary>The enumeration of a field, or null when the table declares none.</summary>
    public static KubernetesEnum? Of(string type, string field) => All.GetValueOrDefault((type, field));
}
