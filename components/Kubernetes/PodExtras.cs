using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Configuration;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>
/// What every pod of the stack carries beside its containers, applied in the two places pods are
/// built (<see cref="SupersetPodTemplate"/> and <see cref="ServiceWorkload"/>, and the data services):
/// its role's placement (or the default spread over zones and nodes), its account with no API token
/// mounted (no pod of the stack calls the Kubernetes API), the pull secrets, and for Superset's pods
/// the stack's additions.
/// </summary>
public static class PodExtras
{
    /// <summary>
    /// The placement of <paramref name="plan"/> on <paramref name="spec"/>: the stack's fields as written,
    /// or, where none gives topologySpreadConstraints and the plan spreads, one constraint per topology
    /// key with maxSkew 1, ScheduleAnyway and the workload's own <paramref name="selector"/>.
    /// </summary>
    public static void Place(PodSpecArgs spec, PlacementPlan plan, IReadOnlyDictionary<string, string> selector)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plan);
        var p = plan.Placement;
        if (p.NodeSelector is { Count: > 0 } nodeSelector)
        {
            spec.NodeSelector = nodeSelector.ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        if (p.Tolerations is { } tolerations)
        {
            spec.Tolerations = KubernetesArgs.ListFrom<TolerationArgs>(tolerations.Json).ToList();
        }

        if (p.Affinity is { } affinity)
        {
            spec.Affinity = KubernetesArgs.From<AffinityArgs>(affinity.Json);
        }

        if (p.TopologySpreadConstraints is { } spread)
        {
            spec.TopologySpreadConstraints = KubernetesArgs.ListFrom<TopologySpreadConstraintArgs>(spread.Json).ToList();
        }
        else if (plan.SpreadTopologyKeys.Count > 0)
        {
            // Best effort (a zone or node short of room still takes the pod): kubernetes/api core/v1/types.go@v0.36.1,
            // TopologySpreadConstraint and UnsatisfiableConstraintAction ScheduleAnyway.
            spec.TopologySpreadConstraints = plan.SpreadTopologyKeys.Select(key => new TopologySpreadConstraintArgs
            {
                MaxSkew = 1,
                TopologyKey = key,
                WhenUnsatisfiable = "ScheduleAnyway",
                LabelSelector = new LabelSelectorArgs { MatchLabels = selector.ToDictionary(kv => kv.Key, kv => kv.Value) },
            }).ToList();
        }

        if (p.PriorityClassName is { } priority)
        {
            spec.PriorityClassName = priority;
        }
    }

    /// <summary>The pod's account, with no API token mounted, and the stack's pull secrets.</summary>
    public static void Identify(PodSpecArgs spec, Input<string> serviceAccount, IReadOnlyList<string> pullSecrets)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(pullSecrets);
        spec.ServiceAccountName = serviceAccount;
        // No container of the stack calls the Kubernetes API: Superset, Celery, the exporters and the
        // data services read their own config. IRSA's token is a volume of its own, projected by EKS's
        // webhook whatever this says (aws/amazon-eks-pod-identity-webhook pkg/handler/handler.go@v0.6.17, aws-iam-token).
        spec.AutomountServiceAccountToken = false;
        if (pullSecrets.Count > 0)
        {
            spec.ImagePullSecrets = pullSecrets.Select(s => new LocalObjectReferenceArgs { Name = s }).ToList();
        }
    }

    /// <summary>
    /// A role's additions, after the component built the pod: annotations and labels beside its own
    /// (the planner refused selector labels), containers after the main one, init containers,
    /// volumes, and mounts into <paramref name="main"/>. Sidecars arrive with their security context
    /// completed to restricted (Planning.Pods.RestrictedSecurity).
    /// </summary>
    public static void Add(ObjectMetaArgs metadata, PodSpecArgs spec, ContainerArgs main, PodOverrides? overrides)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(main);
        if (overrides is null)
        {
            return;
        }

        AddAll(metadata.Annotations, overrides.Annotations);
        AddAll(metadata.Labels, overrides.Labels);
        if (overrides.Sidecars is { } sidecars)
        {
            spec.Containers.Add(KubernetesArgs.ListFrom<ContainerArgs>(sidecars.Json).Select(c => (Input<ContainerArgs>)c).ToArray());
        }

        if (overrides.InitContainers is { } inits)
        {
            spec.InitContainers.Add(KubernetesArgs.ListFrom<ContainerArgs>(inits.Json).Select(c => (Input<ContainerArgs>)c).ToArray());
        }

        if (overrides.Volumes is { } volumes)
        {
            spec.Volumes.Add(KubernetesArgs.ListFrom<VolumeArgs>(volumes.Json).Select(v => (Input<VolumeArgs>)v).ToArray());
        }

        if (overrides.VolumeMounts is { } mounts)
        {
            main.VolumeMounts.Add(KubernetesArgs.ListFrom<VolumeMountArgs>(mounts.Json).Select(v => (Input<VolumeMountArgs>)v).ToArray());
        }
    }

    private static void AddAll(InputMap<string> to, IReadOnlyDictionary<string, string>? from)
    {
        foreach (var (k, v) in from ?? new Dictionary<string, string>())
        {
            to[k] = v;
        }
    }
}
