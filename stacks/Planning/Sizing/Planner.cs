using Superset.Catalog;
using Superset.Configuration;
using Superset.Configuration.Tiers;

namespace Superset.Planning.Sizing;

/// <summary>
/// Computes every size from the settings and refuses a plan that cannot work. Each refusal is a
/// <see cref="SettingsError"/> naming the config key to change, so <c>plan</c> and
/// <c>pulumi preview</c> stop before anything is deployed.
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
    /// (seed 003: a Superset process holds 100–300 MB; we plan the top of that range).
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
    public const int WorkerChildDbConnections = 2;

    /// <summary>Celery beat's connections (scheduler reads the report schedules).</summary>
    public const int BeatDbConnections = 2;

    /// <summary>The init Job's connections (migrations, <c>superset init</c>), during a rollout.</summary>
    public const int InitDbConnections = 2;

    /// <summary>Deployment rollingUpdate maxSurge (Kubernetes default 25 %): extra pods during a rollout.</summary>
    public const decimal RolloutSurge = 0.25m;

    /// <summary>HPA CPU utilization target of web, and the workers' default (seed 000: 70 %; queues.&lt;name&gt;.cpuTargetPercent).</summary>
    public const int CpuTargetPercent = 70;

    /// <summary>Beat's pod: one process, no tasks run in it.</summary>
    public static BeatPlan Beat { get; } = new(Replicas: 1, CpuMillis: 100, MemoryMi: 512);

    /// <summary>Plans a stack; throws <see cref="SettingsException"/> listing every reason it cannot work.</summary>
    public static StackPlan Plan(StackSettings settings, string origin)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<SettingsError>();

        var web = PlanWeb(settings, errors);
        var pools = settings.Queues.Select(q => PlanPool(q, settings.Autoscaling.Engine, errors)).ToList();
        var celery = new CeleryPlan(VisibilityTimeout(pools), settings.Celery);
        var database = PlanDatabase(settings, web, pools, errors);
        var broker = PlanRedis(RedisRole.Broker, settings.Redis.Broker, settings);
        var cache = PlanRedis(RedisRole.Cache, settings.Redis.Cache, settings);

        if (errors.Count > 0)
        {
            throw new SettingsException(origin, errors);
        }

        var aws = settings.DataServices == DataServicesMode.Aws;
        var ingress = new IngressPlan(settings.Ingress.Host, settings.Ingress.ClassName, settings.Ingress.TlsSecretName,
            settings.Ingress.ControllerNamespace, web.TimeoutSeconds + ProxyTimeoutMarginSeconds, settings.Ingress.InstallController);
        return new StackPlan(TierCatalog.ConfigName(settings.Tier), settings.Namespace, aws ? "aws" : "inCluster", settings.Sizing,
            web, pools, Beat, celery, database, broker, cache,
            settings.Image, settings.Release, settings.Autoscaling, ingress, settings.AsyncQueries, settings.Reports, settings.Caches,
            settings.Monitoring, aws ? settings.Aws : null, settings.Cost, settings.Flower, settings.Cluster);
    }

    /// <summary>
    /// Splits seed 002's required workers (threads) into pods × processes × threads. Processes per
    /// pod are bounded by memory (each holds its own copy of Superset) and by gunicorn's rule of
    /// thumb of 2 × cores + 1 (gunicorn docs, "How Many Workers?").
    /// </summary>
    private static WebPlan PlanWeb(StackSettings settings, List<SettingsError> errors)
    {
        var w = settings.Web;
        var required = WorkerFormula.RequiredWorkers(settings.Sizing);
        var byMemory = (w.MemoryMi - w.PodOverheadMi) / w.ProcessMemoryMi;
        var byCpu = 2 * w.CpuMillis / 1000 + 1;
        var processes = Math.Min(byMemory, byCpu);
        if (processes < 1)
        {
            errors.Add(new SettingsError("superset:web.memoryMi", w.MemoryMi.ToString(),
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
                $"at least {needed}: peak load needs {required} requests in flight (seed 002 formula) and a pod serves {slots} ({processes} processes × {w.Threads} threads); raise it, or remove it to use {needed}"));
        }

        if (max < w.MinReplicas)
        {
            errors.Add(new SettingsError("superset:web.minReplicas", w.MinReplicas.ToString(),
                $"at most web.maxReplicas ({max})"));
        }

        var grace = WebPreStopSeconds + w.TimeoutSeconds + WebExitMarginSeconds;
        return new WebPlan(required, processes, w.Threads, slots, replicas, w.MinReplicas, Math.Max(max, w.MinReplicas),
            w.CpuMillis, w.MemoryMi, CpuTargetPercent, w.TimeoutSeconds, GracefulTimeoutSeconds: w.TimeoutSeconds,
            w.MaxRequests, w.MaxRequestsJitter, WebPreStopSeconds, grace, DbPoolSize: w.Threads, DbMaxOverflow: w.DbPoolOverflow);
    }

    /// <summary>
    /// Concurrency per pod from memory: the parent plus <c>c</c> children each allowed to grow to
    /// maxMemoryPerChild before Celery recycles it must fit in the pod's limit, or the kernel's OOM
    /// killer ends a task that Celery would have recycled cleanly.
    /// </summary>
    private static PoolPlan PlanPool(QueueSettings q, AutoscalingEngine engine, List<SettingsError> errors)
    {
        string Key(string field) => $"superset:queues.{q.Name}.{field}";
        var fit = (q.MemoryMi - WorkerParentMemoryMi - WorkerProbeMemoryMi) / q.MaxMemoryPerChildMi;
        int concurrency;
        if (q.Concurrency is int configured)
        {
            concurrency = configured;
            if (configured > fit)
            {
                errors.Add(new SettingsError(Key("concurrency"), configured.ToString(),
                    $"at most {Math.Max(fit, 0)}: {configured} children × maxMemoryPerChildMi {q.MaxMemoryPerChildMi} + parent {WorkerParentMemoryMi} Mi + probe {WorkerProbeMemoryMi} Mi = {configured * q.MaxMemoryPerChildMi + WorkerParentMemoryMi + WorkerProbeMemoryMi} Mi exceeds memoryMi {q.MemoryMi}; lower it or raise queues.{q.Name}.memoryMi"));
            }
        }
        else
        {
            concurrency = Math.Max(fit, 1);
            if (fit < 1)
            {
                errors.Add(new SettingsError(Key("memoryMi"), q.MemoryMi.ToString(),
                    $"at least {WorkerParentMemoryMi + WorkerProbeMemoryMi + q.MaxMemoryPerChildMi} (parent {WorkerParentMemoryMi} Mi + probe {WorkerProbeMemoryMi} Mi + one child of maxMemoryPerChildMi {q.MaxMemoryPerChildMi} Mi)"));
            }
        }

        if (q.MinReplicas == 0)
        {
            ScaleToZero(q, engine, errors);
        }

        if (q.MinReplicas > q.MaxReplicas)
        {
            errors.Add(new SettingsError(Key("minReplicas"), q.MinReplicas.ToString(), $"at most maxReplicas ({q.MaxReplicas})"));
        }

        if (q.SoftTimeLimitSeconds >= q.HardTimeLimitSeconds)
        {
            errors.Add(new SettingsError(Key("softTimeLimitSeconds"), q.SoftTimeLimitSeconds.ToString(),
                $"less than hardTimeLimitSeconds ({q.HardTimeLimitSeconds}), so the task gets SoftTimeLimitExceeded and can clean up before it is killed"));
        }

        if (q.TaskP95Seconds >= q.SoftTimeLimitSeconds)
        {
            errors.Add(new SettingsError(Key("softTimeLimitSeconds"), q.SoftTimeLimitSeconds.ToString(),
                $"more than the task profile's p95 ({q.TaskP95Seconds} s, queues.{q.Name}.taskP95Seconds): otherwise more than 5 % of tasks are cut off"));
        }

        if (q.TaskMeanSeconds > q.TaskP95Seconds)
        {
            errors.Add(new SettingsError(Key("taskMeanSeconds"), q.TaskMeanSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at most taskP95Seconds ({q.TaskP95Seconds})"));
        }

        var grace = WorkerPreStopSeconds + q.HardTimeLimitSeconds + WorkerExitMarginSeconds;
        var pool = new PoolPlan(q.Name, concurrency, q.Concurrency is null ? "memory" : "config", q.MinReplicas, q.MaxReplicas,
            q.ScaleUpThreshold, q.CpuTargetPercent, q.SoftTimeLimitSeconds, q.HardTimeLimitSeconds, q.MaxTasksPerChild,
            q.MaxMemoryPerChildMi * 1024, q.CpuMillis, q.MemoryMi, WorkerPreStopSeconds, grace, q.TaskMeanSeconds, q.TaskP95Seconds, q.WaitTargetSeconds, q.PrefetchMultiplier, q.PeakTasksPerMinute,
            q.CpuMillisPerTask, q.PollingIntervalSeconds, q.CooldownSeconds, q.ScaleDownWindowSeconds, q.ScaleDownPodsPerMinute);

        // Seed 000: a maximum below the peak cannot work: at full scale the queue still grows without
        // end (utilization ≥ 1). The wait target beyond that is judged by the spike simulation (plan's warning).
        var peakBusy = pool.PeakBusyChildren;
        if (concurrency > 0 && peakBusy >= (decimal)q.MaxReplicas * concurrency)
        {
            var least = (int)decimal.Floor(peakBusy / concurrency) + 1;
            errors.Add(new SettingsError(Key("maxReplicas"), q.MaxReplicas.ToString(),
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"at least {least}: the peak of {q.PeakTasksPerMinute} tasks/min (queues.{q.Name}.peakTasksPerMinute) × taskMeanSeconds {q.TaskMeanSeconds} s keeps {peakBusy:0.#} children busy, and {q.MaxReplicas} pods × {concurrency} children cannot keep up, so the queue grows without end; seed 000 sets the maximum at 2–3× the peak ({decimal.Ceiling(2 * peakBusy / concurrency)}–{decimal.Ceiling(3 * peakBusy / concurrency)})")));
        }

        return pool;
    }

    /// <summary>
    /// A pool at zero starts serving a task only after KEDA notices it (up to one polling interval)
    /// and a pod starts (<see cref="AutoscalerPolicy.PodStartSeconds"/>): the wait target must cover
    /// both. The HPA cannot go below one replica (minReplicas ≥ 1 in autoscaling/v2 unless the
    /// HPAScaleToZero alpha gate is on), so zero needs KEDA, which scales 1 ↔ 0 itself.
    /// </summary>
    private static void ScaleToZero(QueueSettings q, AutoscalingEngine engine, List<SettingsError> errors)
    {
        var key = $"superset:queues.{q.Name}.minReplicas";
        if (engine != AutoscalingEngine.Keda)
        {
            errors.Add(new SettingsError(key, "0",
                "at least 1 with autoscaling.engine hpa (an HPA never scales below one pod); set autoscaling.engine: keda to scale to zero"));
            return;
        }

        var coldStart = AutoscalerPolicy.PodStartSeconds + q.PollingIntervalSeconds;
        if (q.WaitTargetSeconds < coldStart)
        {
            errors.Add(new SettingsError(key, "0",
                $"at least 1: a cold start takes up to {coldStart} s (KEDA's polling interval {q.PollingIntervalSeconds} s, queues.{q.Name}.pollingIntervalSeconds, + a pod's start {AutoscalerPolicy.PodStartSeconds} s), above the wait target of {q.WaitTargetSeconds} s (queues.{q.Name}.waitTargetSeconds); or raise the wait target to {coldStart} or shorten the polling interval"));
        }
    }

    /// <summary>
    /// With task_acks_late a task's message stays unacknowledged in Redis from the moment a worker
    /// reserves it until the task finishes; if the visibility timeout passes first, Redis hands it to
    /// another worker and it runs twice (Celery docs, "Redis: visibility timeout"). A reserved message
    /// can wait behind up to `prefetch` tasks of its child before it runs, each up to the hard limit, so
    /// the timeout is (prefetch + 1) × hard limit + the preStop budget, over every pool; with prefetch 1
    /// that is twice the longest hard limit. A crashed worker's tasks come back after this timeout
    /// (tests/drills measures it). A task sent with an ETA (reports.execute, up to
    /// <see cref="EtaSeconds"/> ahead) is held unacknowledged until it is due, then runs up to the
    /// hard limit: the timeout covers that too.
    /// </summary>
    private static int VisibilityTimeout(IReadOnlyList<PoolPlan> pools) =>
        pools.Select(p => Math.Max((p.PrefetchMultiplier + 1) * p.HardTimeLimitSeconds, EtaSeconds + p.HardTimeLimitSeconds))
            .DefaultIfEmpty(0).Max() + WorkerPreStopSeconds;

    /// <summary>
    /// The longest ETA Superset gives a task: reports.scheduler sends reports.execute due within
    /// ALERT_REPORTS_CRON_WINDOW_SIZE (apache/superset superset/config.py@5.0.0: 59 s;
    /// superset/tasks/scheduler.py@5.0.0 cron_schedule_window).
    /// </summary>
    public const int EtaSeconds = SupersetReleases.CronWindowSeconds;

    /// <summary>
    /// Seed 002 pitfall 2: size the pools so Superset uses at most 60–70 % of max_connections, counted
    /// with every HPA at its maximum and a rollout's surge pods on top.
    /// </summary>
    private static DatabasePlan PlanDatabase(StackSettings settings, WebPlan web, IReadOnlyList<PoolPlan> pools, List<SettingsError> errors)
    {
        var db = settings.Database;
        var uses = new List<ConnectionUse>
        {
            new("web", $"{web.MaxReplicas} pods × {web.GunicornWorkers} processes × ({web.DbPoolSize} pool + {web.DbMaxOverflow} overflow)",
                web.MaxReplicas * web.DbConnectionsPerPod),
        };
        uses.AddRange(pools.Select(p => new ConnectionUse($"worker-{p.Name}",
            $"{p.MaxReplicas} pods × {p.Concurrency} children × {WorkerChildDbConnections}", p.MaxReplicas * p.DbConnectionsPerPod)));

        var surge = Surge(web.MaxReplicas) * web.DbConnectionsPerPod + pools.Sum(p => Surge(p.MaxReplicas) * p.DbConnectionsPerPod);
        uses.Add(new ConnectionUse("rollout surge", $"{RolloutSurge:P0} more pods of each Deployment during a rolling update", surge));
        uses.Add(new ConnectionUse("beat", "one scheduler", BeatDbConnections));
        uses.Add(new ConnectionUse("init", "migrations and superset init", InitDbConnections));
        uses.Add(new ConnectionUse("other clients", "database.otherClients", db.OtherClients));
        var atMax = uses.Sum(u => u.Connections);

        int maxConnections;
        string source;
        if (db.MaxConnections is int configured)
        {
            (maxConnections, source) = (configured, "config");
        }
        else if (settings.DataServices == DataServicesMode.Aws)
        {
            (maxConnections, source) = (RdsInstanceClasses.DefaultMaxConnections(RdsInstanceClasses.MemoryGiB(db.InstanceClass) ?? 0), "rds-default");
        }
        else
        {
            (maxConnections, source) = ((int)Math.Min(int.MaxValue, RdsInstanceClasses.ConnectionsForMemory(db.MemoryMi)), "memory");
        }

        var budget = (int)decimal.Floor(maxConnections * db.BudgetFraction);
        if (atMax > budget)
        {
            var biggest = uses.Take(1 + pools.Count).OrderByDescending(u => u.Connections).First();
            var lever = biggest.Consumer == "web" ? "web.maxReplicas" : $"queues.{biggest.Consumer["worker-".Length..]}.maxReplicas";
            var need = (int)decimal.Ceiling(atMax / db.BudgetFraction);
            var (key, value, fix) = source switch
            {
                "config" => ("superset:database.maxConnections", maxConnections.ToString(), $"at least {need}"),
                "rds-default" => ("superset:database.instanceClass", db.InstanceClass,
                    RdsInstanceClasses.SmallestHolding(need, RdsInstanceClasses.Family(db.InstanceClass)) is { } bigger
                        ? $"{bigger} or larger (default max_connections ≥ {need})"
                        : $"a class whose max_connections is at least {need} (set database.maxConnections in a parameter group)"),
                _ => ("superset:database.memoryMi", db.MemoryMi.ToString(),
                    $"at least {(int)decimal.Ceiling(need * (decimal)RdsInstanceClasses.BytesPerConnection / (1024m * 1024m))} (max_connections ≥ {need})"),
            };
            errors.Add(new SettingsError(key, value,
                $"{fix}: at full scale Superset opens {atMax} connections, above {db.BudgetFraction:P0} of max_connections {maxConnections} = {budget} (seed 002 pitfall 2); or lower {lever} (largest user: {biggest.Consumer}, {biggest.Connections})"));
        }

        return new DatabasePlan(maxConnections, source, budget, atMax, uses,
            settings.DataServices == DataServicesMode.Aws ? db.InstanceClass : null,
            settings.DataServices == DataServicesMode.InCluster ? db.MemoryMi : null);
    }

    private static int Surge(int replicas) => (int)decimal.Ceiling(replicas * RolloutSurge);

    /// <summary>
    /// maxmemory below the container limit (in-cluster) or the node's maxmemory (AWS), less the
    /// reserved share that a fork for persistence, replication buffers and fragmentation need
    /// (ElastiCache docs, "Managing reserved memory": 25 % recommended).
    /// </summary>
    private static RedisPlan PlanRedis(RedisRole role, RedisRoleSettings r, StackSettings settings)
    {
        var usableShare = (100 - r.ReservedMemoryPercent) / 100m;
        if (settings.DataServices == DataServicesMode.Aws)
        {
            var gib = ElastiCacheNodeTypes.MaxMemoryGiB(r.NodeType) ?? 0m;
            return new RedisPlan(role, (long)decimal.Floor(gib * 1024m * 1024m * 1024m * usableShare), null, r.NodeType, r.ReservedMemoryPercent,
                CacheNodesPerGroup(settings.Aws));
        }

        return new RedisPlan(role, (long)decimal.Floor(r.MemoryMi * 1024m * 1024m * usableShare), r.MemoryMi, null, r.ReservedMemoryPercent, null);
    }

    /// <summary>
    /// Nodes of each ElastiCache replication group: a primary, and with Multi-AZ a replica in another
    /// zone that automatic failover promotes (AWS ElastiCache docs, "Minimizing downtime with Multi-AZ":
    /// Multi-AZ needs at least one replica).
    /// </summary>
    public static int CacheNodesPerGroup(AwsSettings aws)
    {
        ArgumentNullException.ThrowIfNull(aws);
        return aws.MultiAz ? 2 : 1;
    }
}
