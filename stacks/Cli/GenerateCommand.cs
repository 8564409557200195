using System.CommandLine;
using System.Text.Json;
using Superset.Artifacts;
using Superset.Artifacts.Keda;
using Superset.Planning;
using Superset.Planning.Sizing;

namespace Superset.Cli;

/// <summary>
/// <c>generate &lt;stack&gt; --out &lt;dir&gt;</c>: writes what the components put into the cluster, for
/// real processes to run outside it (the fault drills, tests/drills): <c>superset_config.py</c>,
/// <c>redis-broker.conf</c>, <c>redis-cache.conf</c> and <c>pools.json</c> (each pool's worker and
/// preStop command lines, concurrency, time limits and grace period). The same generators as the
/// components, so a drill runs what the cluster would run.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(string root) =>
        OutputCommand.Create("generate", "Write the stack's superset_config.py, redis.conf files and pool command lines", root, Write);

    private static string Write(StackPlan plan, string stack, string outDir)
    {
        File.WriteAllText(Path.Combine(outDir, SupersetEnv.ConfigFile), SupersetConfigPy.Generate(plan));
        File.WriteAllText(Path.Combine(outDir, "redis-broker.conf"), RedisConf.For(plan.Broker));
        File.WriteAllText(Path.Combine(outDir, "redis-cache.conf"), RedisConf.For(plan.Cache));
        var pools = plan.Queues.Select(p => new
        {
            name = p.Name,
            concurrency = p.Concurrency,
            prefetchMultiplier = p.PrefetchMultiplier,
            worker = CeleryCommands.Worker(p),
            preStop = CeleryCommands.PreStop(p),
            liveness = CeleryCommands.Liveness(p),
            softTimeLimitSeconds = p.Limits.SoftSeconds,
            hardTimeLimitSeconds = p.Limits.HardSeconds,
            terminationGracePeriodSeconds = p.Shutdown.TerminationGracePeriodSeconds,
        });
        var modules = plan.Release.Tasks.ToDictionary(t => t.Name, t => t.Module);
        var routes = TaskRouting.Routes(plan).Select(r => new { task = r.Task, queue = r.Queue, module = modules[r.Task] });
        var document = new
        {
            stack,
            visibilityTimeoutSeconds = plan.Celery.VisibilityTimeoutSeconds,
            pools,
            routes,
            supersetVersion = plan.Release.Version,
            imports = SupersetConfigPy.Imports(plan),
            // What each pool's ScaledObject reads: the Redis lists of its triggers, summed by the formula.
            kedaTriggers = plan.Queues.ToDictionary(q => q.Name, q => KedaScaledObject.PrioritySteps.Select(step => KedaScaledObject.ListName(q.Name, step)).ToList()),
            kedaFormula = KedaScaledObject.Formula,
            // Each pool's own formula: with the busy signal, the running tasks join the lists.
            kedaFormulas = plan.Queues.ToDictionary(q => q.Name, KedaScaledObject.FormulaOf),
            kedaRunningTrigger = KedaScaledObject.RunningTrigger,
        };
        File.WriteAllText(Path.Combine(outDir, "pools.json"), JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
        return $"superset_config.py, redis-broker.conf, redis-cache.conf and pools.json of stack {stack} written to {outDir}";
    }
}
