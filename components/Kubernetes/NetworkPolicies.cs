using Pulumi;
using Pulumi.Kubernetes.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using Superset.Planning.Network;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The NetworkPolicies of the stack's topology: a default deny for every pod of the namespace, and
/// per destination exactly the connections the topology lists (stacks/Planning/Topology). Nothing here knows
/// who talks to whom; the connectivity tests evaluate the result.
/// </summary>
public sealed class NetworkPolicies : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:NetworkPolicies";

    /// <summary>Creates the policies.</summary>
    public NetworkPolicies(string name, NetworkPoliciesArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parent = new CustomResourceOptions { Parent = this };
        var names = new List<string>();
        foreach (var policy in args.Policies)
        {
            _ = new NetworkPolicy($"{name}-{policy.Name}", new NetworkPolicyArgs
            {
                Metadata = new ObjectMetaArgs { Name = policy.Name, Namespace = args.Namespace, Labels = Labels.For(args.Instance, "network-policy") },
                Spec = new NetworkPolicySpecArgs
                {
                    // An empty selector selects every pod of the namespace.
                    PodSelector = new LabelSelectorArgs
                    {
                        MatchLabels = policy.Component is null ? new InputMap<string>() : Labels.Selector(args.Instance, policy.Component),
                    },
                    PolicyTypes = { "Ingress" },
                    Ingress = policy.Rules.Select(rule => Rule(rule, args.Instance)).ToList(),
                },
            }, parent);
            names.Add(policy.Name);
        }

        PolicyNames = Output.Create<IReadOnlyList<string>>(names);
        RegisterOutputs(new Dictionary<string, object?> { ["policyNames"] = PolicyNames });
    }

    /// <summary>The names of the policies declared.</summary>
    [Output]
    public Output<IReadOnlyList<string>> PolicyNames { get; private set; }

    private static NetworkPolicyIngressRuleArgs Rule(PolicyRule rule, string instance)
    {
        var from = new InputList<NetworkPolicyPeerArgs>();
        if (rule.FromComponents.Count > 0)
        {
            // The stack's own pods of these components (policy namespace, same instance).
            from.Add(new NetworkPolicyPeerArgs
            {
                PodSelector = new LabelSelectorArgs
                {
                    MatchLabels = new InputMap<string> { { "app.kubernetes.io/name", Labels.AppName }, { "app.kubernetes.io/instance", instance } },
                    MatchExpressions =
                    {
                        new LabelSelectorRequirementArgs { Key = "app.kubernetes.io/component", Operator = "In", Values = rule.FromComponents.ToList() },
                    },
                },
            });
        }

        foreach (var peer in rule.FromNamespaces)
        {
            // That namespace (the label the API server sets on each namespace): every pod, or, in the
            // same peer (both selectors must match), only the pods with the peer's labels.
            var other = new NetworkPolicyPeerArgs
            {
                NamespaceSelector = new LabelSelectorArgs { MatchLabels = new InputMap<string> { { "kubernetes.io/metadata.name", peer.Namespace } } },
            };
            if (peer.PodLabels is { } labels)
            {
                other.PodSelector = new LabelSelectorArgs { MatchLabels = labels.ToDictionary(l => l.Key, l => l.Value) };
            }

            from.Add(other);
        }

        foreach (var cidr in rule.FromCidrs)
        {
            // A load balancer in IP mode connects from its own addresses (ingress.sourceCidrs).
            from.Add(new NetworkPolicyPeerArgs { IpBlock = new IPBlockArgs { Cidr = cidr } });
        }

        return new NetworkPolicyIngressRuleArgs
        {
            From = from,
            // The destination's port by name, resolved on its pods.
            Ports = { new NetworkPolicyPortArgs { Port = rule.Port, Protocol = "TCP" } },
        };
    }
}
