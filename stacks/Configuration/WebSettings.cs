namespace Superset.Configuration;

/// <summary>The gunicorn web tier's pod shape and limits.</summary>
public sealed record WebSettings
{
    /// <summary>gthread threads per gunicorn worker process.</summary>
    public required int Threads { get; init; }

    /// <summary>Planned resident memory of one worker process (docs/sources/worker-sizing.md, pitfall 5: 100–300 MB).</summary>
    public required int ProcessMemoryMi { get; init; }

    /// <summary>Memory of the gunicorn master and the container beside the workers.</summary>
    public required int PodOverheadMi { get; init; }

    /// <summary>Pod CPU request and memory (request = limit: the web tier does not burst into the OOM killer); CPU caps processes at 2 × CPUs + 1.</summary>
    public required PodResources Pod { get; init; }

    /// <summary>Fewest pods the autoscaler keeps (high availability).</summary>
    public required int MinReplicas { get; init; }

    /// <summary>Most pods the autoscaler may run; null means the replicas that peak load needs.</summary>
    public required int? MaxReplicas { get; init; }

    /// <summary>gunicorn --timeout (the sizing article's patterns: 60, 120, 180 s).</summary>
    public required int TimeoutSeconds { get; init; }

    /// <summary>gunicorn --max-requests and --max-requests-jitter: worker recycling (docs/sources/memory-pressure.md; the large tier's 10,000 and 1,000 come from docs/sources/worker-sizing.md, pattern 3).</summary>
    public required RequestRecycling Recycling { get; init; }

    /// <summary>SQLAlchemy max_overflow per web process; pool_size is the thread count.</summary>
    public required int DbPoolOverflow { get; init; }

    /// <summary>Where the web pods run (<c>web.scheduling</c>), before the stack's default is merged under it.</summary>
    public PodPlacement Scheduling { get; init; } = PodPlacement.None;

    /// <summary>The node pool the web pods are priced on (<c>web.cost</c>).</summary>
    public PoolCost Cost { get; init; } = PoolCost.Default;

    /// <summary>The web Service (<c>web.service</c>).</summary>
    public WebServiceSettings Service { get; init; } = WebServiceSettings.Default;
}
