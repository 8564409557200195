using Superset.Planning.Network;

namespace Superset.Planning.Workloads.Web;

/// <summary>Superset's gunicorn web pods, behind the Ingress.</summary>
public sealed class WebWorkload : WorkloadSpec
{
    /// <summary>The port gunicorn listens on (Superset's default, 8088); the Service listens on 80.</summary>
    public const int GunicornPort = 8088;

    /// <summary>The one instance.</summary>
    public static WebWorkload Spec { get; } = new();

    private WebWorkload()
    {
    }

    /// <inheritdoc/>
    public override Workload Identity { get; } = new(SupersetProcesses.Web, "superset-web", [new("http", GunicornPort, 80)], "Superset web (gunicorn)");

    /// <inheritdoc/>
    public override bool IsDeployedIn(StackPlan plan) => true;

    /// <inheritdoc/>
    public override IEnumerable<PodGroup> Pods(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var web = plan.Web;
        var sidecars = plan.Pods.SidecarRequests(SupersetProcesses.Web);
        yield return new PodGroup("web", web.Pod.CpuMillis + sidecars.CpuMillis, web.Pod.MemoryMi + sidecars.MemoryMi, web.Autoscaler.Replicas.Min, web.Autoscaler.Replicas.Max)
        {
            Pool = web.Cost, PoolKey = "superset:web.cost.nodeType",
        };
    }

    /// <inheritdoc/>
    public override void Connect(ConnectionBuilder connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        connections.AdmitIngress("http", "users' requests through the Ingress, HTTPRoute or load balancer");
        connections.Refuse(ConnectionBuilder.Foreign, "http", "only the ingress controller serves users");
        if (connections.Plan.Monitoring.Enabled)
        {
            connections.Refuse(connections.Prometheus, "http", "Prometheus reaches metrics ports only");
        }
    }
}
