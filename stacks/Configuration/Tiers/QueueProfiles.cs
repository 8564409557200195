namespace Superset.Configuration.Tiers;

/// <summary>
/// The four queues of the autoscaling article (docs/sources/autoscaling.md, "default, exports,
/// reports, cache"), each with its own pods and task profile, whatever the tier: one row per queue.
/// A tier adds its bounds, peak and autoscaler shape (<see cref="TierCatalog"/>).
/// </summary>
public static class QueueProfiles
{
    /// <summary>The profiles, <c>default</c> first.</summary>
    public static IReadOnlyList<QueueProfile> All { get; } =
    [
        // Interactive queries and chart data. 400 MiB per child: the async-queries article's 200 MB
        // is below the 100–300 MB a Superset process holds (docs/sources/worker-sizing.md, pitfall 5),
        // and would recycle a child after every task. A user is looking at a spinner ("interactive
        // queries should scale aggressively because users are waiting"): half a minute is felt.
        new QueueProfile
        {
            Name = QueueNames.Default, Pod = new(CpuMillis: 1000, MemoryMi: 2048), Limits = new(SoftSeconds: 540, HardSeconds: 600),
            MaxMemoryPerChildMi = 400, Tasks = new(MeanSeconds: 2m, P95Seconds: 8m, PeakPerMinute: 0m),
            WaitTargetSeconds = 30, InteractivePrefetch = true,
        },
        // Exports (dashboard and chart screenshots, PDF/CSV): memory-intensive, so fewer, larger
        // children; the 10-minute limits of the enterprise profile. A user clicked "download": a couple
        // of minutes is the most they tolerate. Prefetch 1: a child holding a 10-minute export must not
        // sit on the next one (the enterprise profile: "fetch one task at a time").
        new QueueProfile
        {
            Name = "exports", Pod = new(CpuMillis: 1000, MemoryMi: 2048), Limits = new(SoftSeconds: 540, HardSeconds: 600),
            MaxMemoryPerChildMi = 800, Tasks = new(MeanSeconds: 20m, P95Seconds: 90m, PeakPerMinute: 0m),
            WaitTargetSeconds = 120, InteractivePrefetch = false,
        },
        // Scheduled reports ("reports can be queued longer"): a report sent ten minutes late is late,
        // not lost. 1600 Mi: parent 300 + probe 48 + two children of 600 = 1548 (the planner's formula).
        new QueueProfile
        {
            Name = "reports", Pod = new(CpuMillis: 500, MemoryMi: 1600), Limits = new(SoftSeconds: 540, HardSeconds: 600),
            MaxMemoryPerChildMi = 600, Tasks = new(MeanSeconds: 15m, P95Seconds: 60m, PeakPerMinute: 0m),
            WaitTargetSeconds = 600, InteractivePrefetch = false,
        },
        // Cache warm-up: many short tasks, nobody waiting on a screen; it must finish before users arrive.
        new QueueProfile
        {
            Name = "cache", Pod = new(CpuMillis: 500, MemoryMi: 1024), Limits = new(SoftSeconds: 270, HardSeconds: 300),
            MaxMemoryPerChildMi = 300, Tasks = new(MeanSeconds: 3m, P95Seconds: 10m, PeakPerMinute: 0m),
            WaitTargetSeconds = 900, InteractivePrefetch = true,
        },
    ];

    /// <summary>
    /// A queue the stack adds (docs/configure.md, "Adding a queue and its pool"): nothing is known of
    /// its tasks, so it is a modest pool with no declared peak (set <c>peakTasksPerMinute</c> and
    /// <c>maxReplicas</c> from the busiest minutes you expect), prefetch 1 (a long task must not hold
    /// the next one) and a five-minute wait target, which a cold start from zero meets (KEDA's
    /// one-minute polling plus a pod's start): the tier row (TierCatalog, <c>CustomQueueRow</c>)
    /// lets it sleep at zero. Its run times are the widest of the tier queues' (exports: 20 s mean,
    /// 90 s p95) under the shared 10-minute limits.
    /// </summary>
    public static QueueProfile Custom { get; } = new()
    {
        Name = "(custom)", Pod = new(CpuMillis: 500, MemoryMi: 1024), Limits = new(SoftSeconds: 540, HardSeconds: 600),
        MaxMemoryPerChildMi = 400, Tasks = new(MeanSeconds: 20m, P95Seconds: 90m, PeakPerMinute: 0m),
        WaitTargetSeconds = 300, InteractivePrefetch = false,
    };

    /// <summary>The profile of a queue.</summary>
    public static QueueProfile Of(string queue) =>
        All.SingleOrDefault(p => p.Name == queue) ?? throw new ArgumentException($"no queue profile {queue}", nameof(queue));
}
