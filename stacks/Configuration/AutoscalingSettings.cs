namespace Superset.Configuration;

/// <summary>What drives the worker pools' replica counts (<c>superset:autoscaling.engine</c>).</summary>
public enum AutoscalingEngine
{
    /// <summary>
    /// KEDA (the default): one ScaledObject per pool reads the queue's Redis lists straight from the
    /// broker and creates the pool's HPA; pools may scale to zero.
    /// </summary>
    Keda,

    /// <summary>
    /// A hand-made HPA per pool on prometheus-adapter's External queue metric (clusters whose
    /// external-metrics API is already served by prometheus-adapter); no scale to zero.
    /// </summary>
    Hpa,
}

/// <summary>The worker pools' autoscaling (<c>superset:autoscaling</c>).</summary>
/// <param name="Engine">KEDA ScaledObjects or hand-made HPAs.</param>
/// <param name="InstallKeda">Install the pinned kedacore/keda chart (Charts.Keda) into <paramref name="KedaNamespace"/>.</param>
/// <param name="KedaNamespace">
/// KEDA's namespace: where <paramref name="InstallKeda"/> installs it, and the namespace whose
/// operator pods the NetworkPolicy admits to the in-cluster broker's Redis port.
/// </param>
public sealed record AutoscalingSettings(AutoscalingEngine Engine, bool InstallKeda, string KedaNamespace);
