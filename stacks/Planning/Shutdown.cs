namespace Superset.Planning;

/// <summary>How a pod stops: its preStop hook's time, then the grace period Kubernetes allows in all.</summary>
/// <param name="PreStopSeconds">Time allowed for the preStop hook.</param>
/// <param name="TerminationGracePeriodSeconds">terminationGracePeriodSeconds: preStop + the longest work + margin.</param>
public sealed record Shutdown(int PreStopSeconds, int TerminationGracePeriodSeconds);
