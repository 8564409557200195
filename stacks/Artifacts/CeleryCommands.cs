using System.Globalization;
using Superset.Planning;

namespace Superset.Artifacts;

/// <summary>
/// The command lines of the Celery containers, generated from the plan. Every one is an argv
/// list run without a shell (or with <c>exec</c>), so the Celery process is PID 1 and gets
/// Kubernetes' SIGTERM itself: a warm shutdown that finishes running tasks.
/// </summary>
public static class CeleryCommands
{
    /// <summary>Superset's Celery application (superset/tasks/celery_app.py).</summary>
    public const string App = "superset.tasks.celery_app:app";

    /// <summary>Seconds a control command waits for the addressed node to reply (<see cref="ControlScript"/>).</summary>
    public const int ControlTimeoutSeconds = 10;

    /// <summary>The Celery node name of a pool's pod: <c>&lt;pool&gt;@&lt;pod hostname&gt;</c>.</summary>
    public static string NodeName(string pool, string hostname) => $"{pool}@{hostname}";

    /// <summary>
    /// The worker: its own queue only (<c>-Q</c>), an explicit concurrency (without <c>-c</c> Celery
    /// counts the node's CPUs, not the pod's: apache/superset#26631), recycling and time limits
    /// from the plan, task events on for celery-exporter, and a node name that preStop can address.
    /// </summary>
    public static IReadOnlyList<string> Worker(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return
        [
            "celery", $"--app={App}", "worker",
            $"--queues={pool.Name}",
            $"--concurrency={I(pool.Concurrency)}",
            $"--hostname={pool.Name}@%h",
            "--pool=prefork",
            $"--prefetch-multiplier={I(pool.PrefetchMultiplier)}",
            $"--max-tasks-per-child={I(pool.Recycling.MaxTasksPerChild)}",
            $"--max-memory-per-child={I(pool.MaxMemoryPerChildKiB)}",
            $"--soft-time-limit={I(pool.Limits.SoftSeconds)}",
            $"--time-limit={I(pool.Limits.HardSeconds)}",
            // Task events feed celery-exporter's runtime, wait-time and failure metrics.
            "--task-events",
            // Gossip and mingle add a broadcast to every worker at start; pools do not need them.
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ];
    }

    /// <summary>
    /// The Python the liveness probe and the preStop hook run (<c>python -c</c>): Celery's control
    /// API with the generated <c>superset_config.CELERY_CONFIG</c>, and nothing of Superset. The
    /// <c>celery --app=superset.tasks.celery_app:app</c> command line imports celery_app, whose first
    /// act is <c>create_app()</c> (apache/superset superset/tasks/celery_app.py@5.0.0): a whole
    /// Superset process, about the parent's 300 Mi, inside the worker's memory limit every minute.
    /// This one peaks at 33 MiB (Planner.WorkerProbeMemoryMi budgets it). Arguments: the verb
    /// (<c>ping</c> or <c>cancel_consumer</c>), the node, and for cancel_consumer the queue; the exit
    /// code is 0 only if that node replied.
    /// </summary>
    public static readonly string ControlScript =
        "import sys, superset_config as c; from celery import Celery; " +
        "a = Celery(\"probe\", set_as_current=False); a.config_from_object(c.CELERY_CONFIG); n = [sys.argv[2]]; " +
        $"r = a.control.ping(destination=n, timeout={ControlTimeoutSeconds}) if sys.argv[1] == \"ping\" " +
        $"else a.control.cancel_consumer(sys.argv[3], destination=n, reply=True, timeout={ControlTimeoutSeconds}); sys.exit(0 if r else 1)";

    /// <summary>The interpreter of the Superset image's virtualenv, where Celery is installed.</summary>
    public const string Python = "python";

    /// <summary>Seconds preStop waits after the cancel: twice kombu's 1-second BRPOP timeout.</summary>
    public const int BrpopDrainSeconds = 2;

    /// <summary>
    /// preStop: this pod, and only this pod, stops consuming its queue. Never a broadcast
    /// (<c>cancel_consumer</c> without a destination stops every worker of the broker). Runs
    /// through <c>sh</c> to read <c>$HOSTNAME</c>. Then it waits <see cref="BrpopDrainSeconds"/>:
    /// a BRPOP the worker sent before the cancel can still return a message for up to 1 s (kombu's
    /// Redis transport, <c>_brpop_start(timeout=1)</c>); while the worker runs, kombu requeues such a
    /// message, but if SIGTERM stops the worker first the message is popped and lost. The fault
    /// drill found this with prefetch 4 (a worker with spare capacity keeps a BRPOP open).
    /// </summary>
    public static IReadOnlyList<string> PreStop(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return
        [
            "sh", "-c",
            $"{Python} -c \"$1\" cancel_consumer \"{pool.Name}@$HOSTNAME\" {pool.Name} && sleep {I(BrpopDrainSeconds)}",
            "celery-control", ControlScript,
        ];
    }

    /// <summary>
    /// Liveness: ping this pod's own node (the helm chart pings <c>celery@$HOSTNAME</c>, which is
    /// wrong once a pool has its own node name). A worker that stops answering is restarted.
    /// </summary>
    public static IReadOnlyList<string> Liveness(PoolPlan pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return
        [
            "sh", "-c",
            $"exec {Python} -c \"$1\" ping \"{pool.Name}@$HOSTNAME\"",
            "celery-control", ControlScript,
        ];
    }

    /// <summary>
    /// Beat: the schedule file in a writable emptyDir (the root filesystem is read-only) and no pid
    /// file, so a restarted container never refuses to start on a stale pid.
    /// </summary>
    public static IReadOnlyList<string> Beat(string scheduleDir) =>
    [
        "celery", $"--app={App}", "beat",
        $"--schedule={scheduleDir}/celerybeat-schedule",
        "--pidfile=",
        "--loglevel=INFO",
    ];

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
