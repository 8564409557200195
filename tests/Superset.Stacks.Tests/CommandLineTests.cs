using Superset.Artifacts;
using Superset.Planning;
using Xunit;

namespace Superset.Stacks.Tests;

public sealed class CommandLineTests
{
    private static readonly StackPlan Medium = PlannerTests.PlanOf("config:\n  superset:tier: medium\n  superset:dataServices: aws\n");

    [Fact]
    public void Worker_consumes_only_its_own_queue_with_an_explicit_concurrency_and_an_addressable_node_name()
    {
        foreach (var pool in Medium.Queues)
        {
            var argv = CeleryCommands.Worker(pool);
            Assert.Equal("celery", argv[0]);
            Assert.Contains($"--queues={pool.Name}", argv);
            Assert.Contains($"--concurrency={pool.Concurrency}", argv);
            Assert.Contains($"--hostname={pool.Name}@%h", argv);
            Assert.Contains($"--time-limit={pool.Limits.HardSeconds}", argv);
            Assert.Contains($"--max-memory-per-child={pool.MaxMemoryPerChildKiB}", argv);
            Assert.Contains("--task-events", argv);
        }
    }

    [Fact]
    public void WorkerPool_preStop_targets_only_its_own_node()
    {
        foreach (var pool in Medium.Queues)
        {
            var hook = CeleryCommands.PreStop(pool);
            Assert.Equal(["sh", "-c"], hook.Take(2));
            Assert.Equal(CeleryCommands.ControlScript, hook[^1]);
            var script = hook[2];
            Assert.StartsWith($"{CeleryCommands.Python} -c ", script, StringComparison.Ordinal);
            // After the cancel, longer than kombu's 1 s BRPOP, so no popped message dies with SIGTERM (tests/drills).
            Assert.EndsWith($"&& sleep {CeleryCommands.BrpopDrainSeconds}", script, StringComparison.Ordinal);
            Assert.True(CeleryCommands.ControlTimeoutSeconds + CeleryCommands.BrpopDrainSeconds < pool.Shutdown.PreStopSeconds);
            Assert.Contains($"cancel_consumer \"{pool.Name}@$HOSTNAME\" {pool.Name} ", script, StringComparison.Ordinal);
            Assert.Contains($"ping \"{pool.Name}@$HOSTNAME\"", CeleryCommands.Liveness(pool)[2], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_probes_load_celery_and_the_generated_config_never_superset()
    {
        // The celery CLI with --app=superset.tasks.celery_app:app runs create_app() (apache/superset
        // superset/tasks/celery_app.py@5.0.0): a whole Superset process inside the worker's limit.
        foreach (var argv in Medium.Queues.SelectMany(p => new[] { CeleryCommands.PreStop(p), CeleryCommands.Liveness(p) }))
        {
            Assert.DoesNotContain(argv, a => a.Contains(CeleryCommands.App, StringComparison.Ordinal) || a.Contains("import superset ", StringComparison.Ordinal) || a.Contains("from superset", StringComparison.Ordinal));
        }

        Assert.Contains("import sys, superset_config as c;", CeleryCommands.ControlScript, StringComparison.Ordinal);
    }

    [Fact]
    public void Gunicorn_runs_the_planned_workers_and_threads_with_graceful_shutdown()
    {
        var argv = GunicornCommand.Web(Medium.Web);
        Assert.Equal("gunicorn", argv[0]);
        Assert.Contains("--workers=5", argv);
        Assert.Contains("--threads=8", argv);
        Assert.Contains("--worker-class=gthread", argv);
        Assert.Contains($"--graceful-timeout={Medium.Web.GracefulTimeoutSeconds}", argv);
        Assert.Equal("superset.app:create_app()", argv[^1]);
    }

    [Fact]
    public void Beat_keeps_its_schedule_in_a_writable_directory_and_no_pid_file()
    {
        var argv = CeleryCommands.Beat("/var/run/celery");
        Assert.Contains("--schedule=/var/run/celery/celerybeat-schedule", argv);
        Assert.Contains("--pidfile=", argv);
    }
}
