using System.Globalization;
using Superset.Planning;
using Superset.Planning.Workloads.Web;

namespace Superset.Artifacts;

/// <summary>The web container's gunicorn command line, from the plan.</summary>
public static class GunicornCommand
{
    /// <summary>The port gunicorn listens on (<see cref="WebWorkload.GunicornPort"/>).</summary>
    public const int Port = WebWorkload.GunicornPort;

    /// <summary>
    /// Longer than ingress-nginx's <c>upstream-keepalive-timeout</c> (60 s by default): if gunicorn
    /// closed an idle upstream connection first, nginx could send a request on it and answer 502.
    /// </summary>
    public const int KeepAliveSeconds = 75;

    /// <summary>
    /// gunicorn with the plan's workers and gthread threads; <c>--graceful-timeout</c> lets in-flight
    /// requests finish after SIGTERM; <c>--max-requests</c> with jitter recycles workers (docs/sources/memory-pressure.md; the large tier's 10,000/1,000 from docs/sources/worker-sizing.md, pattern 3)
    /// without restarting them all at once; heartbeat files in /dev/shm (the root filesystem is
    /// read-only, and a disk-backed tmp can stall the heartbeat: gunicorn docs, "Blocking OS calls").
    /// </summary>
    public static IReadOnlyList<string> Web(WebPlan web)
    {
        ArgumentNullException.ThrowIfNull(web);
        return
        [
            "gunicorn",
            $"--bind=0.0.0.0:{I(Port)}",
            $"--workers={I(web.GunicornWorkers)}",
            "--worker-class=gthread",
            $"--threads={I(web.Threads)}",
            $"--timeout={I(web.TimeoutSeconds)}",
            $"--graceful-timeout={I(web.GracefulTimeoutSeconds)}",
            $"--keep-alive={I(KeepAliveSeconds)}",
            $"--max-requests={I(web.Recycling.MaxRequests)}",
            $"--max-requests-jitter={I(web.Recycling.Jitter)}",
            "--worker-tmp-dir=/dev/shm",
            // Superset's own run-server.sh lifts these limits: long dashboard URLs and filter state.
            "--limit-request-line=0",
            "--limit-request-field_size=0",
            "--access-logfile=-",
            "--error-logfile=-",
            "superset.app:create_app()",
        ];
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
