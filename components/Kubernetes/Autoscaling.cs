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
    /// <summary>Rate-limited steps up, a 10-minute window and small steps down (<see cref="AutoscalerPolicy"/>).</summary>
    public static HorizontalPodAutoscalerBehaviorArgs Behavior() =>
        Behavior(AutoscalerPolicy.ScaleDownStabilizationSeconds, AutoscalerPolicy.ScaleDownPods);

    /// <summary>Rate-limited steps up; down after <paramref name="downWindowSeconds"/> by at most <paramref name="downPods"/> a minute (a worker pool's own).</summary>
    public static HorizontalPodAutoscalerBehaviorArgs Behavior(int downWindowSeconds, int downPods) => new()
    {
        ScaleUp = new HPAScalingRulesArgs
        {
            StabilizationWindowSeconds = AutoscalerPolicy.ScaleUpStabilizationSeconds,
            SelectPolicy = "Max",
            Policies = { new HPAScalingPolicyArgs { Type = "Pods", Value = AutoscalerPolicy.ScaleUpPods, PeriodSeconds = AutoscalerPolicy.PeriodSeconds } },
        },
        ScaleDown = new HPAScalingRulesArgs
        {
            StabilizationWindowSeconds = downWindowSeconds,
            SelectPolicy = "Min",
            Policies = { new HPAScalingPolicyArgs { Type = "Pods", Value = downPods, PeriodSeconds = AutoscalerPolicy.PeriodSeconds } },
        },
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
        InputList<MetricSpecArgs> metrics, Resource parent, HorizontalPodAutoscalerBehaviorArgs? behavior = null) =>
        new(resourceName, new HorizontalPodAutoscalerArgs
        {
            Metadata = metadata,
            Spec = new HorizontalPodAutoscalerSpecArgs
            {
                ScaleTargetRef = new CrossVersionObjectReferenceArgs { ApiVersion = "apps/v1", Kind = "Deployment", Name = deployment },
                MinReplicas = min,
                MaxReplicas = max,
                Metrics = metrics,
                Behavior = behavior ?? Behavior(),
            },
        }, new CustomResourceOptions { Parent = parent });
}
