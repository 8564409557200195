using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;
using Superset.Artifacts.Keda;

namespace Superset.Components.Kubernetes;

/// <summary>A KEDA object (ScaledObject, TriggerAuthentication: keda.sh/v1alpha1) whose spec is a plain structure.</summary>
public sealed class KedaResourceArgs : CustomResourceArgs
{
    /// <summary>A ScaledObject or TriggerAuthentication.</summary>
    public KedaResourceArgs(string kind)
        : base(KedaScaledObject.ApiVersion, kind)
    {
    }

    /// <summary>The object's spec.</summary>
    [Input("spec")]
    public InputMap<object> Spec { get; set; } = new();
}
