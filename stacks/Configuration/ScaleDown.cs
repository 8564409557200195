namespace Superset.Configuration;

/// <summary>An HPA's scale-down: the stabilization window, then at most a step of pods a minute.</summary>
/// <param name="WindowSeconds">Scale-down stabilization window (Kubernetes allows at most 3600).</param>
/// <param name="PodsPerMinute">Pods removed a minute at most after the window.</param>
public sealed record ScaleDown(int WindowSeconds, int PodsPerMinute);
