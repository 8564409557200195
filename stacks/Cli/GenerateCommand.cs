using System.CommandLine;
using System.Text.Json;
using Superset.Stacks.Generated;
using Superset.Stacks.Settings;

namespace Superset.Stacks.Cli;

/// <summary>
/// <c>generate &lt;stack&gt; --out &lt;dir&gt;</c>: writes what the components put into the cluster, for
/// real processes to run outside it (the fault drills, tests/drills): <c>superset_config.py</c>,
/// <c>redis-broker.conf</c>, <c>redis-cache.conf</c> and <c>pools.json</c> (each pool's worker and
/// preStop command lines, concurrency, time limits and grace period). The same generators as the
/// components, so a drill runs what the cluster would run.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(string root)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var output = new Option<string>("--out") { Description = "Directory to write the files into", Required = true };
        var command = new Command("generate", "Write the stack's superset_config.py, redis.conf files and pool command lines") { stack, output };
        command.SetAction(r => Run(r.GetValue(stack)!, r.GetValue(output)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, root));
        return command;
    }

    public static int Run(string stack, string outDir, TextWriter stdout, TextWriter stderr, string root)
    {
        try
        {
            var plan = PlanCommand.Load(stack, root);
            Directory.CreateDirectory(outDir);
            File.WriteAllText(Path.Combine(outDir, SupersetEnv.ConfigFile), SupersetConfigPy.Generate(plan));
            File.WriteAllText(Path.Combine(outDir, "redis-broker.conf"), RedisConf.For(plan.Broker));
            File.WriteAllText(Path.Combine(outDir, "redis-cache.conf"), RedisConf.For(plan.Cache));
            var pools = plan.Queues.Select(p => new
            {
                name = p.Name,
                concurrency = p.Concurrency,
                worker = CeleryCommands.Worker(p),
                preStop = CeleryCommands.PreStop(p),
                softTimeLimitSeconds = p.SoftTimeLimitSeconds,
                hardTimeLimitSeconds = p.HardTimeLimitSeconds,
                terminationGracePeriodSeconds = p.TerminationGracePeriodSeconds,
            });
            var modules = SupersetTasks.All.ToDictionary(t => t.Name, t => t.Module);
            var routes = TaskRouting.Routes(plan).Select(r => new { task = r.Task, queue = r.Queue, module = modules[r.Task] });
            var document = new
            {
                stack,
                visibilityTimeoutSeconds = plan.Celery.VisibilityTimeoutSeconds,
                pools,
                routes,
                modules = SupersetTasks.Modules,
            };
            File.WriteAllText(Path.Combine(outDir, "pools.json"), JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            stdout.WriteLine($"superset_config.py, redis-broker.conf, redis-cache.conf and pools.json of stack {stack} written to {outDir}");
            return 0;
        }
        catch (SettingsException ex)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }
    }
}
