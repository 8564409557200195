namespace Superset.Configuration;

/// <summary>KEDA's timing of one ScaledObject.</summary>
/// <param name="PollingIntervalSeconds">pollingInterval: how often KEDA checks the queue (to wake a pool at zero, and to put it back).</param>
/// <param name="CooldownSeconds">cooldownPeriod: quiet seconds before a pool at one pod goes to zero.</param>
public sealed record KedaTiming(int PollingIntervalSeconds, int CooldownSeconds);
