using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Configuration.Tiers;
using Superset.Planning.Pods;

namespace Superset.Planning.Sizing;

/// <summary>
/// Computes every size from the settings and refuses a plan that cannot work. Each refusal is a
/// <see cref="SettingsError"/> naming the config key to change, so <c>plan</c> and
/// <c>pulumi preview</c> stop before anything is deployed. The pools are planned by
/// <see cref="PoolPlanner"/>, the database and Redis by <see cref="DataPlanner"/>.
/// </summary>
public static class Planner
{
    /// <summary>
    /// Pause before the web container gets SIGTERM. Endpoint removal reaches kube-proxy and the
    /// ingress controller asynchronously (Kubernetes docs, "Termination of Pods"); ingress-nginx
    /// reloads its upstreams within a few seconds. 10 s covers that with margin.
    /// </summary>
    public const int WebPreStopSeconds = 10;

    /// <summary>
    /// Seconds nginx waits beyond gunicorn's timeout: a slow request ends with gunicorn's own answer
    /// (and a recycled worker), not with nginx cutting the connection first (a 504 that leaves the
    /// worker busy with a request nobody waits for).
    /// </summary>
    public const int ProxyTimeoutMarginSeconds = 15;

    /// <summary>Margin on top of preStop and the graceful timeout for process exit.</summary>
    public const int WebExitMarginSeconds = 5;

    /// <summary>
    /// Time allowed for a worker's preStop hook: a Python process that imports Celery and the
    /// generated superset_config.py (not Superset: CeleryCommands.ControlScript), sends
    /// cancel_consumer, waits up to ControlTimeoutSeconds for the node's reply, then the BRPOP drain.
    /// 30 s leaves room for a slow start on a busy node.
    /// </summary>
    public const int WorkerPreStopSeconds = 30;

    /// <summary>Margin after the hard time limit for the worker to ack, report and exit.</summary>
    public const int WorkerExitMarginSeconds = 30;

    /// <summary>
    /// Resident memory of the Celery parent process, which imports Superset like a child does
    /// (docs/sources/worker-sizing.md, pitfall 5: a Superset process holds 100–300 MB; we plan the top of that range).
    /// </summary>
    public const int WorkerParentMemoryMi = 300;

    /// <summary>
    /// Memory of the liveness probe or preStop hook, which kubelet runs inside the worker container
    /// (so inside its limit) beside the parent and the children: Python with Celery, kombu, redis and
    /// the generated config, not Superset (CeleryCommands.ControlScript). Measured at 33 MiB peak RSS
    /// (Debian's Python 3.11, Celery 5.2.6, a control ping against redis-server); 48 leaves room for
    /// the image's newer Celery and kombu. A probe that loaded Superset (create_app) would need the
    /// parent's 300 Mi again.
    /// </summary>
    public const int WorkerProbeMemoryMi = 48;

    /// <summary>SQLAlchemy pool per Celery child: pool_size 1 + max_overflow 1 (a child runs one task).</summary>
    public const int WorkerChildDbConnections = PoolPlan.ChildDbConnections;

    /// <summary>Celery beat's connections (scheduler reads the report schedules).</summary>
    public const int BeatDbConnections = 2;

    /// <summary>The init Job's connections (migrations, <c>superset init</c>), during a rollout.</summary>
    public const int InitDbConnections = 2;

    /// <summary>Deployment rollingUpdate maxSurge (Kubernetes default 25 %): extra pods during a rollout.</summary>
    public const decimal RolloutSurge = 0.25m;

    /// <summary>HPA CPU utilization target of web, and the workers' default (docs/sources/autoscaling.md: 70 %; queues.&lt;name&gt;.cpuTargetPercent).</summary>
    public const int CpuTargetPercent = 70;

    /// <summary>
    /// Reads, validates and plans one stack file, given by stack name (<c>prod</c> for
    /// <c>Pulumi.prod.yaml</c> under <paramref name="root"/>) or path; also names it, for the errors
    /// of using the plan (pricing it, simulating it).
    /// </summary>
    public static (StackPlan Plan, string Origin) PlanFile(string stackOrPath, string root)
    {
        var source = StackFile.Load(StackFile.Resolve(stackOrPath, root));
        return (Plan(SettingsLoader.Load(source), source.Origin), source.Origin);
    }

    /// <summary>Plans a stack; throws <see cref="SettingsException"/> listing every reason it cannot work.</summary>
    public static StackPlan Plan(StackSettings settings, string origin)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<SettingsError>();

        var web = PlanWeb(settings, errors);
        // Web and every pool of two or more pods spread over zones and nodes unless the stack places them itself.
        var pools = settings.Queues.Select(q => PoolPlanner.Plan(q, settings.Autoscaling.Engine, settings.Monitoring, settings.Namespace, errors) with
        {
            Placement = PodPlanner.Place(q.Scheduling, settings.Pods.Scheduling, spread: q.Replicas.Min >= 2),
            Cost = q.Cost,
        }).ToList();
        var pods = PodPlanner.Plan(settings, errors);
        var celery = new CeleryPlan(PoolPlanner.VisibilityTimeout(pools), settings.Celery);
        var database = DataPlanner.Database(settings, web, pools, errors);
        var broker = DataPlanner.Redis(RedisRole.Broker, settings.Redis.Broker, settings);
        var cache = DataPlanner.Redis(RedisRole.Cache, settings.Redis.Cache, settings);
        var routes = TaskRouting.Plan(settings, errors);

        if (errors.Count > 0)
        {
            throw new SettingsException(origin, Origins.Annotate(errors, settings));
        }

        var aws = settings.DataServices == DataServicesMode.Aws;
        var mode = settings.DataServices switch { DataServicesMode.Aws => "aws", DataServicesMode.External => "external", _ => "inCluster" };
        return new StackPlan
        {
            Tier = TierCatalog.ConfigName(settings.Tier),
            Namespace = settings.Namespace,
            DataServices = mode,
            Sizing = settings.Sizing,
            Web = web,
            Queues = pools,
            Routes = routes,
            // Beat: one process, no tasks run in it; exactly one replica.
            Beat = new BeatPlan(Replicas: 1, settings.Pods.Beat.Pod) { Placement = PodPlanner.Place(settings.Pods.Beat.Scheduling, settings.Pods.Scheduling, spread: false) },
            Celery = celery,
            Database = database,
            Broker = broker,
            Cache = cache,
            Image = settings.Image,
            Release = settings.Release,
            Autoscaling = settings.Autoscaling,
            Ingress = IngressPlanner.Plan(settings, web.TimeoutSeconds + ProxyTimeoutMarginSeconds),
            AsyncQueries = settings.AsyncQueries,
            Reports = settings.Reports,
            Caches = settings.Caches,
            Monitoring = settings.Monitoring,
            Aws = aws ? settings.Aws : null,
            Cost = settings.Cost,
            Flower = settings.Flower,
            Cluster = settings.Cluster,
            Custom = CustomPlan.From(settings),
            Pods = pods,
        };
    }

    /// <summary>
    /// Splits the formula's required workers (threads) into pods × processes × threads. Processes per
    /// pod are bounded by memory (each holds its own copy of Superset) and by gunicorn's rule of
    /// thumb of 2 × cores + 1 (gunicorn docs, "How Many Workers?").
    /// </summary>
    private static WebPlan PlanWeb(StackSettings settings, List<SettingsError> errors)
    {
        var w = settings.Web;
        var required = WorkerFormula.RequiredWorkers(settings.Sizing);
        var byMemory = (w.Pod.MemoryMi - w.PodOverheadMi) / w.ProcessMemoryMi;
        var byCpu = 2 * w.Pod.CpuMillis / 1000 + 1;
        var processes = Math.Min(byMemory, byCpu);
        if (processes < 1)
        {
            errors.Add(new SettingsError("superset:web.memoryMi", w.Pod.MemoryMi.ToString(),
                $"at least podOverheadMi + processMemoryMi = {w.PodOverheadMi + w.ProcessMemoryMi} so one gunicorn process fits"));
            processes = 1;
        }

        var slots = processes * w.Threads;
        var needed = (required + slots - 1) / slots;
        var replicas = Math.Max(w.MinReplicas, needed);
        var max = w.MaxReplicas ?? replicas;
        if (w.MaxReplicas is int configured && configured < needed)
        {
            errors.Add(new SettingsError("superset:web.maxReplicas", configured.ToString(),
                $"at least {needed}: peak load needs {required} requests in flight (the worker formula) and a pod serves {slots} ({processes} processes × {w.Threads} threads); raise it, or remove it to use {needed}"));
        }

        if (max < w.MinReplicas)
        {
            errors.Add(new SettingsError("superset:web.minReplicas", w.MinReplicas.ToString(),
                $"at most web.maxReplicas ({max})"));
        }

        return new WebPlan
        {
            RequiredWorkers = required,
            GunicornWorkers = processes,
            Threads = w.Threads,
            SlotsPerPod = slots,
            PeakReplicas = replicas,
            // CPU only: a web pod's load is its requests, and CPU follows them (the formula sizes the
            // tier; the HPA absorbs what it did not foresee, within the plan's bounds).
            Autoscaler = new Autoscaler(new ReplicaBounds(Min: w.MinReplicas, Max: Math.Max(max, w.MinReplicas)), CpuTargetPercent,
                ScalingBehavior.Careful(AutoscalerPolicy.ScaleDownStabilizationSeconds, AutoscalerPolicy.ScaleDownPods)),
            Pod = w.Pod,
            TimeoutSeconds = w.TimeoutSeconds,
            GracefulTimeoutSeconds = w.TimeoutSeconds,
            Recycling = w.Recycling,
            Shutdown = new Shutdown(WebPreStopSeconds, WebPreStopSeconds + w.TimeoutSeconds + WebExitMarginSeconds),
            DbPool = new DbPool(PoolSize: w.Threads, MaxOverflow: w.DbPoolOverflow),
            Placement = PodPlanner.Place(w.Scheduling, settings.Pods.Scheduling, spread: w.MinReplicas >= 2),
            Cost = w.Cost,
            Service = w.Service,
        };
    }
}
