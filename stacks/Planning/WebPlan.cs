using Superset.Configuration;

namespace Superset.Planning;

/// <summary>The gunicorn web tier.</summary>
public sealed record WebPlan
{
    /// <summary>The worker formula: requests in flight at peak (gunicorn threads in all).</summary>
    public required int RequiredWorkers { get; init; }

    /// <summary>gunicorn <c>--workers</c> per pod: processes.</summary>
    public required int GunicornWorkers { get; init; }

    /// <summary>gunicorn <c>--threads</c> per process.</summary>
    public required int Threads { get; init; }

    /// <summary>Requests one pod serves at once: workers × threads.</summary>
    public required int SlotsPerPod { get; init; }

    /// <summary>Pods that serve the peak: max(minReplicas, ceil(requiredWorkers / slotsPerPod)).</summary>
    public required int PeakReplicas { get; init; }

    /// <summary>How the web HPA scales: bounds, CPU target, behavior.</summary>
    public required Autoscaler Autoscaler { get; init; }

    /// <summary>Pod CPU request and memory.</summary>
    public required PodResources Pod { get; init; }

    /// <summary>gunicorn <c>--timeout</c>.</summary>
    public required int TimeoutSeconds { get; init; }

    /// <summary>gunicorn <c>--graceful-timeout</c>: in-flight requests may finish.</summary>
    public required int GracefulTimeoutSeconds { get; init; }

    /// <summary>gunicorn <c>--max-requests</c> and <c>--max-requests-jitter</c>.</summary>
    public required RequestRecycling Recycling { get; init; }

    /// <summary>The preStop pause (so the ingress stops routing to the pod) and the grace period.</summary>
    public required Shutdown Shutdown { get; init; }

    /// <summary>SQLAlchemy's pool per process: pool_size one per thread, and max_overflow.</summary>
    public required DbPool DbPool { get; init; }

    /// <summary>Where the web pods run.</summary>
    public PlacementPlan Placement { get; init; } = PlacementPlan.None;

    /// <summary>The node pool they are priced on.</summary>
    public PoolCost Cost { get; init; } = PoolCost.Default;

    /// <summary>The web Service's type and annotations.</summary>
    public WebServiceSettings Service { get; init; } = WebServiceSettings.Default;

    /// <summary>Metadata-database connections one pod may open.</summary>
    public int DbConnectionsPerPod => GunicornWorkers * DbPool.ConnectionsPerProcess;
}
