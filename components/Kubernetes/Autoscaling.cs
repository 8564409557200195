using Pulumi;
using Pulumi.Kubernetes.Autoscaling.V2;
using Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Artifacts.Monitoring;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>The HorizontalPodAutoscalers (autoscaling/v2) of the web tier and the worker pools.</summary>
internal static class Autoscaling
{
    /// <summary>An autoscaler's behavior (<see cref="ScalingBehavior"/>: the value KEDA and the simulator render too).</summary>
    public static HorizontalPodAutoscalerBehaviorArgs Behavior(ScalingBehavior behavior) => new()
    {
        ScaleUp = Rules(behavior.Up),
        ScaleDown = Rules(behavior.Down),
    };

    private static HPAScalingRulesArgs Rules(ScalingRules rules) => new()
    {
        StabilizationWindowSeconds = rules.StabilizationSeconds,
        SelectPolicy = rules.SelectMax ? "Max" : "Min",
        Policies = rules.Policies.Select(p => new HPAScalingPolicyArgs { Type = p.Percent ? "Percent" : "Pods", Value = p.Value, PeriodSeconds = p.PeriodSeconds }).ToList(),
    };

    /// <summary>CPU utilisation against the pods' requests.</summary>
    public static MetricSpecArgs Cpu(int targetPercent) => new()
    {
        Type = "Resource",
        Resource = new ResourceMetricSourceArgs
        {
            Name = "cpu",
            Target = new MetricTargetArgs { Type = "Utilization", AverageUtilization = targetPercent },
        },
    };

    /// <summary>
    /// The queue's depth per pod, from prometheus-adapter's External metric (AdapterRules): the HPA
    /// keeps ceil(depth / target) pods, so each pod has about <paramref name="tasksPerPod"/> waiting.
    /// </summary>
    public static MetricSpecArgs QueueDepth(string queue, int tasksPerPod) => new()
    {
        Type = "External",
        External = new ExternalMetricSourceArgs
        {
            Metric = new MetricIdentifierArgs
            {
                Name = AdapterRules.QueueLengthMetric,
                Selector = new LabelSelectorArgs { MatchLabels = new InputMap<string> { { "queue_name", queue } } },
            },
            Target = new MetricTargetArgs { Type = "AverageValue", AverageValue = tasksPerPod.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
    };

    /// <summary>An HPA for a Deployment.</summary>
    public static HorizontalPodAutoscaler For(string resourceName, ObjectMetaArgs metadata, Output<string> deployment, int min, int max,
        InputList<MetricSpecArgs> metrics, Resource parent, ScalingBehavior behavior) =>
        new(resourceName, new HorizontalPodAutoscalerArgs
        {
            Metadata = metadata,
            Spec = new HorizontalPodAutoscalerSpecArgs
            {
                ScaleTargetRef = new CrossVersionObjectReferenceArgs { ApiVersion = "apps/v1", Kind = "Deployment", Name = deployment },
                MinReplicas = min,
                MaxReplicas = max,
                Metrics = metrics,
                Behavior = Behavior(behavior),
            },
        }, new CustomResourceOptions { Parent = parent });
}
