namespace Superset.Catalog;

/// <summary>KEDA's own defaults at the pinned chart's version (kedacore/keda v2.20.2).</summary>
public static class KedaDefaults
{
    /// <summary>pollingInterval when a ScaledObject sets none (kedacore/keda apis/keda/v1alpha1/withtriggers_types.go@v2.20.2, defaultPollingInterval = 30).</summary>
    public const int PollingIntervalSeconds = 30;

    /// <summary>cooldownPeriod when a ScaledObject sets none (kedacore/keda pkg/scaling/executor/scale_executor.go@v2.20.2, defaultCooldownPeriod = 5 × 60).</summary>
    public const int CooldownSeconds = 300;
}
