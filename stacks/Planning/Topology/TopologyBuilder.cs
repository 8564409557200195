using Superset.Planning.Network;
using Superset.Configuration;

namespace Superset.Planning.Topology;

/// <summary>
/// Builds a stack's topology from its plan. Adding a workload or a connection is one entry
/// here; the NetworkPolicies, ServiceMonitors and the matrix follow.
/// </summary>
public static class TopologyBuilder
{
    /// <summary>The <c>app.kubernetes.io/name</c> label of KEDA's operator pods (kedacore/charts keda/values.yaml@v2.20.2, operator.name).</summary>
    public const string KedaOperatorName = "keda-operator";

    /// <summary>Stands for any namespace that is not the stack's, the ingress controller's or Prometheus'.</summary>
    public const string ForeignNamespace = "another-tenant";

    /// <summary>The topology of one stack.</summary>
    public static StackTopology For(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var inCluster = !plan.OnAws;
        var monitoring = plan.Monitoring.Enabled;
        var websocket = plan.AsyncQueries.Enabled && plan.AsyncQueries.Transport == "ws";
        var flower = plan.Flower.Enabled;
        var edge = new InNamespace(plan.Ingress.ControllerNamespace, "ingress controller");
        var prometheus = new InNamespace(plan.Monitoring.Namespace, "Prometheus");
        var foreign = new InNamespace(ForeignNamespace, "a pod of another namespace");

        var workloads = new List<Workload> { Workloads.Web, Workloads.Worker, Workloads.Beat, Workloads.Init };
        var needed = new List<Connection>();
        var forbidden = new List<Connection>();
        var routes = new List<IngressRoute>();
        void Need(Peer from, Workload to, string port, string why) => needed.Add(new(from, to.Component, to.Port(port).Name, why));
        void Refuse(Peer from, Workload to, string port, string why) => forbidden.Add(new(from, to.Component, to.Port(port).Name, why));

        // The Superset processes: each loads the same superset_config.py (database, broker, cache).
        PodsOf[] superset = [new(Workloads.Web.Component), new(Workloads.Worker.Component), new(Workloads.Beat.Component), new(Workloads.Init.Component)];

        Need(edge, Workloads.Web, "http", "users' requests through the Ingress");
        // cache-warmup's fetch_url and report screenshots load Superset at WEBDRIVER_BASEURL, the web
        // Service (superset_config.py), from the worker that runs the task.
        Need(new PodsOf(Workloads.Worker.Component), Workloads.Web, "http", "cache warm-up and report screenshots through WEBDRIVER_BASEURL");
        Refuse(foreign, Workloads.Web, "http", "only the ingress controller serves users");
        if (monitoring)
        {
            Refuse(prometheus, Workloads.Web, "http", "Prometheus reaches metrics ports only");
        }

        if (inCluster)
        {
            var postgres = Workloads.Postgres;
            var broker = Workloads.Redis("broker");
            var cache = Workloads.Redis("cache");
            workloads.AddRange([postgres, broker, cache]);
            foreach (var process in superset)
            {
                Need(process, postgres, "postgresql", "the metadata database");
                Need(process, broker, "redis", "Celery's broker: web and beat send tasks, workers take them");
                Need(process, cache, "redis", "caches, Celery results and async-query events");
            }

            foreach (var data in new[] { (postgres, "postgresql"), (broker, "redis"), (cache, "redis") })
            {
                Refuse(foreign, data.Item1, data.Item2, "data services admit the stack's own clients only");
                Refuse(edge, data.Item1, data.Item2, "the ingress controller reaches the web tier only");
                if (monitoring)
                {
                    Refuse(prometheus, data.Item1, data.Item2, "Prometheus reaches metrics ports only");
                }
            }

            if (monitoring)
            {
                Need(prometheus, broker, Workloads.MetricsPortName, "redis_exporter sidecar: broker memory and evictions");
                Need(prometheus, cache, Workloads.MetricsPortName, "redis_exporter sidecar: cache memory and evictions");
            }
        }
        else if (monitoring)
        {
            // ElastiCache runs no sidecar: a redis_exporter per group, under the in-cluster names.
            foreach (var role in new[] { "broker", "cache" })
            {
                var exporter = Workloads.RedisExporter(role);
                workloads.Add(exporter);
                Need(prometheus, exporter, Workloads.MetricsPortName, $"redis_exporter: ElastiCache {role} memory and evictions");
                Refuse(foreign, exporter, Workloads.MetricsPortName, "metrics are for Prometheus");
            }
        }

        if (monitoring)
        {
            var celery = Workloads.CeleryExporter;
            var postgresExporter = Workloads.PostgresExporter;
            workloads.AddRange([celery, postgresExporter]);
            Need(prometheus, celery, Workloads.MetricsPortName, "queue lengths and task events for the alerts and queue-depth autoscaling");
            Need(prometheus, postgresExporter, Workloads.MetricsPortName, "database connections against max_connections");
            Refuse(foreign, celery, Workloads.MetricsPortName, "metrics are for Prometheus");
            Refuse(new PodsOf(Workloads.Web.Component), postgresExporter, Workloads.MetricsPortName, "metrics are for Prometheus");
            if (inCluster)
            {
                Need(new PodsOf(celery.Component), Workloads.Redis("broker"), "redis", "celery-exporter reads queue lengths and task events from the broker");
                Need(new PodsOf(postgresExporter.Component), Workloads.Postgres, "postgresql", "postgres_exporter reads pg_stat_activity");
                Refuse(new PodsOf(celery.Component), Workloads.Postgres, "postgresql", "an exporter reaches only what it watches");
                Refuse(new PodsOf(celery.Component), Workloads.Redis("cache"), "redis", "an exporter reaches only what it watches");
                Refuse(new PodsOf(postgresExporter.Component), Workloads.Redis("broker"), "redis", "an exporter reaches only what it watches");
                Refuse(new PodsOf(postgresExporter.Component), Workloads.Redis("cache"), "redis", "an exporter reaches only what it watches");
            }

            Refuse(new PodsOf(celery.Component), Workloads.Web, "http", "an exporter reaches only what it watches");
        }

        if (plan.Autoscaling.Engine == AutoscalingEngine.Keda && inCluster)
        {
            // KEDA's Redis scaler runs in its operator, which reads each queue's lists from the broker
            // (kedacore/keda pkg/scalers/redis_scaler.go@v2.20.2). The operator's pods carry
            // app.kubernetes.io/name: keda-operator (kedacore/charts keda/templates/manager/deployment.yaml@v2.20.2,
            // operator.name in values.yaml). On AWS the ElastiCache security group admits it instead.
            var operatorLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = KedaOperatorName };
            var kedaOperator = new InNamespace(plan.Autoscaling.KedaNamespace, "KEDA's operator", operatorLabels);
            Need(kedaOperator, Workloads.Redis("broker"), "redis", "KEDA's Redis scaler reads each queue's lists for the pools' ScaledObjects");
            Refuse(kedaOperator, Workloads.Redis("cache"), "redis", "KEDA reads queues, which live on the broker");
            Refuse(kedaOperator, Workloads.Postgres, "postgresql", "KEDA reads queues, which live on the broker");
            Refuse(new InNamespace(plan.Autoscaling.KedaNamespace, "another pod of KEDA's namespace"), Workloads.Redis("broker"), "redis",
                "only KEDA's operator runs scalers");
        }

        if (websocket)
        {
            var ws = Workloads.Websocket;
            workloads.Add(ws);
            routes.Add(new IngressRoute("/ws", ws.Component, "ws"));
            Need(edge, ws, "ws", "browsers' async-query channel at /ws");
            Refuse(foreign, ws, "ws", "only the ingress controller serves users");
            if (inCluster)
            {
                Need(new PodsOf(ws.Component), Workloads.Redis("cache"), "redis", "the async-query event streams it relays (GLOBAL_ASYNC_QUERIES_CACHE_BACKEND's database)");
                Refuse(new PodsOf(ws.Component), Workloads.Redis("broker"), "redis", "the websocket server reads events, not tasks");
                Refuse(new PodsOf(ws.Component), Workloads.Postgres, "postgresql", "the websocket server has no database");
            }
        }

        if (flower)
        {
            var f = Workloads.Flower;
            workloads.Add(f);
            if (plan.Flower.Ingress)
            {
                routes.Add(new IngressRoute("/flower", f.Component, "http"));
                Need(edge, f, "http", "Flower at /flower, behind its basic auth");
            }
            else
            {
                Refuse(edge, f, "http", "Flower is port-forward only unless flower.ingress");
            }

            Refuse(new PodsOf(Workloads.Worker.Component), f, "http", "Flower can revoke and shut down tasks: operators only");
            Refuse(foreign, f, "http", "Flower can revoke and shut down tasks: operators only");
            if (inCluster)
            {
                Need(new PodsOf(f.Component), Workloads.Redis("broker"), "redis", "Flower reads task events and inspects workers through the broker");
                Refuse(new PodsOf(f.Component), Workloads.Postgres, "postgresql", "Flower needs the broker only");
                Refuse(new PodsOf(f.Component), Workloads.Redis("cache"), "redis", "Flower needs the broker only");
            }
        }

        return new StackTopology(plan.Namespace, workloads, needed, forbidden, routes);
    }
}
