using Pulumi;
using Pulumi.Kubernetes.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using Superset.Stacks.Generated;

namespace Superset.Components.Kubernetes;

/// <summary>
/// Who may connect to what: the web pods only from the ingress controller, PostgreSQL and Redis only
/// from Superset's own pods, and nothing at all to workers and beat (they only connect out).
/// </summary>
public sealed class NetworkPolicies : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:NetworkPolicies";

    /// <summary>The components that are Superset processes and need the database and Redis.</summary>
    public static readonly string[] SupersetClients = [SupersetWeb.Component, WorkerPool.Component, CeleryBeat.Component, SupersetInit.Component];

    /// <summary>The KEDA operator's name label (operator.name, values.yaml@kedacore/charts v2.20.2).</summary>
    public const string KedaOperatorName = "keda-operator";

    /// <summary>Creates the policies.</summary>
    public NetworkPolicies(string name, NetworkPoliciesArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parent = new CustomResourceOptions { Parent = this };

        NetworkPolicyPeerArgs SupersetPods() => new()
        {
            PodSelector = new LabelSelectorArgs
            {
                MatchLabels = new InputMap<string> { { "app.kubernetes.io/instance", args.Instance } },
                MatchExpressions =
                {
                    new LabelSelectorRequirementArgs { Key = "app.kubernetes.io/component", Operator = "In", Values = SupersetClients },
                },
            },
        };

        NetworkPolicyPeerArgs FromNamespace(string ns) => new()
        {
            NamespaceSelector = new LabelSelectorArgs
            {
                MatchLabels = new InputMap<string> { { "kubernetes.io/metadata.name", ns } },
            },
        };

        // Each rule admits its sources to one port; a policy without rules admits nothing.
        NetworkPolicyIngressRuleArgs Rule(int port, NetworkPolicyPeerArgs from) => new()
        {
            From = { from },
            Ports = { new NetworkPolicyPortArgs { Port = port, Protocol = "TCP" } },
        };

        void Policy(string role, string component, params NetworkPolicyIngressRuleArgs[] rules) =>
            _ = new NetworkPolicy($"{name}-{role}", new NetworkPolicyArgs
            {
                Metadata = new ObjectMetaArgs { Name = $"superset-{role}", Namespace = args.Namespace, Labels = Labels.For(args.Instance, "network-policy") },
                Spec = new NetworkPolicySpecArgs
                {
                    PodSelector = new LabelSelectorArgs { MatchLabels = Labels.Selector(args.Instance, component) },
                    PolicyTypes = { "Ingress" },
                    Ingress = rules,
                },
            }, parent);

        var metrics = FromNamespace(args.MonitoringNamespace);
        Policy("web", SupersetWeb.Component, Rule(GunicornCommand.Port, FromNamespace(args.IngressControllerNamespace)));
        Policy("worker", WorkerPool.Component);
        Policy("beat", CeleryBeat.Component);
        foreach (var (component, port) in args.IngressPorts)
        {
            Policy(component, component, Rule(port, FromNamespace(args.IngressControllerNamespace)));
        }

        foreach (var component in args.Closed)
        {
            Policy(component, component);
        }

        foreach (var (component, port) in args.MetricsPorts)
        {
            Policy(component, component, Rule(port, metrics));
        }

        if (args.InClusterDataServices)
        {
            Policy("postgresql", PostgresServer.Component, Rule(5432, SupersetPods()));
            var broker = new List<NetworkPolicyIngressRuleArgs> { Rule(RedisConf.Port, SupersetPods()), Rule(RedisServer.MetricsPort, metrics) };
            if (args.KedaNamespace is { } keda)
            {
                // KEDA (issue 19): the operator runs the Redis scaler that reads each queue's lists.
                broker.Add(Rule(RedisConf.Port, new NetworkPolicyPeerArgs
                {
                    NamespaceSelector = new LabelSelectorArgs { MatchLabels = new InputMap<string> { { "kubernetes.io/metadata.name", keda } } },
                    PodSelector = new LabelSelectorArgs { MatchLabels = new InputMap<string> { { "app.kubernetes.io/name", KedaOperatorName } } },
                }));
            }

            Policy("redis-broker", "redis-broker", broker.ToArray());
            Policy("redis-cache", "redis-cache", Rule(RedisConf.Port, SupersetPods()), Rule(RedisServer.MetricsPort, metrics));
        }

        RegisterOutputs();
    }
}
