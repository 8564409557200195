namespace Superset.Analysis.Simulation;

/// <summary>What the simulator needs of one pool's pods.</summary>
/// <param name="Concurrency">Children per pod: tasks one pod runs at once.</param>
/// <param name="GraceSeconds">How long a removed pod may finish its running tasks (terminationGracePeriodSeconds).</param>
/// <param name="CpuPerBusySlot">One running task's CPU as a share of the pod's CPU request.</param>
public sealed record WorkerPods(int Concurrency, int GraceSeconds, double CpuPerBusySlot);
