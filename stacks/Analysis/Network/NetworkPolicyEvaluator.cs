using System.Collections;
using System.Globalization;

namespace Superset.Analysis.Network;

/// <summary>A pod as NetworkPolicy sees it: its namespace, labels and named container ports.</summary>
/// <param name="Name">The workload it belongs to (for messages).</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Ports">Container ports by name: number and protocol.</param>
public sealed record PolicyPod(string Name, string Namespace, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, (int Number, string Protocol)> Ports)
{
    /// <summary>The address of an endpoint outside the cluster (a load balancer in IP mode); null for a pod, whose address is not modelled.</summary>
    public string? Address { get; init; }
}

/// <summary>Whether a connection passes, and the policy that decided it.</summary>
public sealed record Verdict(bool Allowed, string Reason);

/// <summary>
/// Kubernetes NetworkPolicy semantics (networking.k8s.io/v1, "Network Policies" in the Kubernetes
/// documentation), evaluated over rendered manifests: a connection passes when the source's egress
/// and the destination's ingress both admit it. A pod that no policy of a direction selects is not
/// isolated in that direction; an isolated pod admits what any rule of any policy selecting it
/// admits. Rules match peers by podSelector (the policy's namespace), namespaceSelector, or both;
/// ports by number, range (endPort) or name (resolved on the destination pod), TCP by default.
/// ipBlock peers match an endpoint outside the cluster by its address (cidr, less except), and never a
/// pod: pod IPs are not modelled (Kubernetes leaves ipBlock for in-cluster traffic to the plugin).
/// </summary>
public sealed class NetworkPolicyEvaluator
{
    private readonly List<IReadOnlyDictionary<string, object?>> policies = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> namespaceLabels = new(StringComparer.Ordinal);

    /// <summary>Reads the NetworkPolicies, Namespaces and pod templates among <paramref name="manifests"/>.</summary>
    public NetworkPolicyEvaluator(IEnumerable<IReadOnlyDictionary<string, object?>> manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var pods = new List<PolicyPod>();
        foreach (var m in manifests)
        {
            var kind = m.GetValueOrDefault("kind") as string;
            var metadata = Map(m.GetValueOrDefault("metadata"));
            var ns = metadata.GetValueOrDefault("namespace") as string ?? "default";
            switch (kind)
            {
                case "NetworkPolicy":
                    policies.Add(m);
                    break;
                case "Namespace":
                    var name = (string)metadata["name"]!;
                    var labels = Strings(metadata.GetValueOrDefault("labels"));
                    // The API server sets this label on every namespace (Kubernetes 1.22+).
                    labels["kubernetes.io/metadata.name"] = name;
                    namespaceLabels[name] = labels;
                    break;
                default:
                    if (Template(kind, Map(m.GetValueOrDefault("spec"))) is { } template)
                    {
                        pods.Add(PodOf($"{kind}/{metadata.GetValueOrDefault("name")}", ns, template));
                    }

                    break;
            }
        }

        Pods = pods;
    }

    /// <summary>Every pod template among the manifests.</summary>
    public IReadOnlyList<PolicyPod> Pods { get; }

    /// <summary>A pod of a namespace the manifests do not populate (the ingress controller's, Prometheus'), with the labels given.</summary>
    public static PolicyPod External(string ns, IReadOnlyDictionary<string, string>? labels = null) =>
        new(labels is null ? $"any pod of namespace {ns}" : $"a pod of namespace {ns} labelled {string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}"))}",
            ns, labels ?? new Dictionary<string, string>(), new Dictionary<string, (int, string)>());

    /// <summary>An endpoint outside the cluster with an address (what connects from a load balancer's block); no selector matches it.</summary>
    public static PolicyPod Outside(string address, string name) =>
        new(name, "", new Dictionary<string, string>(), new Dictionary<string, (int, string)>()) { Address = address };

    /// <summary>Whether <paramref name="from"/> may open a connection to <paramref name="to"/> on its port named <paramref name="portName"/>.</summary>
    public Verdict Check(PolicyPod from, PolicyPod to, string portName)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!to.Ports.TryGetValue(portName, out var port))
        {
            return new Verdict(false, $"{to.Name} has no container port named {portName}");
        }

        var egress = Direction(from, "Egress", "egress", "to", to, port, portName);
        if (!egress.Allowed)
        {
            return egress;
        }

        var ingress = Direction(to, "Ingress", "ingress", "from", from, port, portName);
        return ingress.Allowed ? new Verdict(true, $"{egress.Reason}; {ingress.Reason}") : ingress;
    }

    /// <summary>
    /// One direction: <paramref name="subject"/> is the pod the policies select (the source for
    /// egress, the destination for ingress), <paramref name="peer"/> the other end.
    /// </summary>
    private Verdict Direction(PolicyPod subject, string type, string rulesField, string peersField, PolicyPod peer, (int Number, string Protocol) port, string portName)
    {
        var destination = type == "Ingress" ? subject : peer;
        var selecting = policies.Where(p => Namespace(p) == subject.Namespace && Types(p).Contains(type)
            && Selects(Map(Map(p.GetValueOrDefault("spec")).GetValueOrDefault("podSelector")), subject.Labels)).ToList();
        if (selecting.Count == 0)
        {
            return new Verdict(true, $"no {type.ToLowerInvariant()} policy selects {subject.Name}");
        }

        foreach (var policy in selecting)
        {
            var spec = Map(policy.GetValueOrDefault("spec"));
            foreach (var rule in List(spec.GetValueOrDefault(rulesField)).Select(Map))
            {
                var peers = rule.GetValueOrDefault(peersField) is IList list && list.Count > 0 ? list.Cast<object?>().Select(Map).ToList() : null;
                var ports = rule.GetValueOrDefault("ports") is IList pl && pl.Count > 0 ? pl.Cast<object?>().Select(Map).ToList() : null;
                var peerMatches = peers is null || peers.Any(p => PeerMatches(p, Namespace(policy), peer));
                var portMatches = ports is null || ports.Any(p => PortMatches(p, destination, port));
                if (peerMatches && portMatches)
                {
                    return new Verdict(true, $"{type.ToLowerInvariant()} admitted by {Name(policy)}");
                }
            }
        }

        return new Verdict(false, $"{subject.Name} is isolated for {type.ToLowerInvariant()} by {string.Join(", ", selecting.Select(Name))}, and no rule admits {peer.Name} on {portName} ({port.Number}/{port.Protocol})");
    }

    private bool PeerMatches(IReadOnlyDictionary<string, object?> peer, string policyNamespace, PolicyPod pod)
    {
        var podSelector = peer.GetValueOrDefault("podSelector");
        var namespaceSelector = peer.GetValueOrDefault("namespaceSelector");
        if (podSelector is null && namespaceSelector is null)
        {
            // An ipBlock: it matches an outside endpoint by address; pod IPs are not modelled.
            var block = Map(peer.GetValueOrDefault("ipBlock"));
            return pod.Address is { } address && block.GetValueOrDefault("cidr") is string cidr && Planning.Network.Cidr.Contains(cidr, address)
                && !List(block.GetValueOrDefault("except")).Any(e => Planning.Network.Cidr.Contains(e?.ToString() ?? "", address));
        }

        if (pod.Address is not null)
        {
            return false; // selectors select pods, never an outside address
        }

        var namespaceMatches = namespaceSelector is null
            ? pod.Namespace == policyNamespace
            : Selects(Map(namespaceSelector), NamespaceLabels(pod.Namespace));
        return namespaceMatches && (podSelector is null || Selects(Map(podSelector), pod.Labels));
    }

    private static bool PortMatches(IReadOnlyDictionary<string, object?> rulePort, PolicyPod destination, (int Number, string Protocol) port)
    {
        var protocol = rulePort.GetValueOrDefault("protocol") as string ?? "TCP";
        if (protocol != port.Protocol)
        {
            return false;
        }

        switch (rulePort.GetValueOrDefault("port"))
        {
            case null:
                return true;
            case string name:
                // A named port is resolved on the destination pod.
                return destination.Ports.TryGetValue(name, out var named) && named.Number == port.Number && named.Protocol == port.Protocol;
            case var number:
                var start = Convert.ToInt32(number, CultureInfo.InvariantCulture);
                var end = rulePort.GetValueOrDefault("endPort") is { } e ? Convert.ToInt32(e, CultureInfo.InvariantCulture) : start;
                return port.Number >= start && port.Number <= end;
        }
    }

    /// <summary>A label selector: every matchLabels pair and every matchExpression must hold; an empty selector selects all.</summary>
    internal static bool Selects(IReadOnlyDictionary<string, object?> selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in Strings(selector.GetValueOrDefault("matchLabels")))
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var expression in List(selector.GetValueOrDefault("matchExpressions")).Select(Map))
        {
            var key = (string)expression["key"]!;
            var values = List(expression.GetValueOrDefault("values")).Select(v => v?.ToString()).ToList();
            var has = labels.TryGetValue(key, out var actual);
            var holds = expression["operator"] switch
            {
                "In" => has && values.Contains(actual),
                "NotIn" => !has || !values.Contains(actual),
                "Exists" => has,
                "DoesNotExist" => !has,
                var op => throw new InvalidOperationException($"unknown label selector operator {op}"),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private IReadOnlyDictionary<string, string> NamespaceLabels(string ns) =>
        namespaceLabels.TryGetValue(ns, out var labels) ? labels : new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = ns };

    /// <summary>policyTypes, or its default: Ingress, plus Egress when the policy has egress rules.</summary>
    private static IReadOnlyList<string> Types(IReadOnlyDictionary<string, object?> policy)
    {
        var spec = Map(policy.GetValueOrDefault("spec"));
        if (spec.GetValueOrDefault("policyTypes") is IList declared && declared.Count > 0)
        {
            return declared.Cast<object?>().Select(t => t?.ToString() ?? "").ToList();
        }

        return spec.GetValueOrDefault("egress") is IList rules && rules.Count > 0 ? ["Ingress", "Egress"] : ["Ingress"];
    }

    private static string Namespace(IReadOnlyDictionary<string, object?> m) => Map(m.GetValueOrDefault("metadata")).GetValueOrDefault("namespace") as string ?? "default";

    private static string Name(IReadOnlyDictionary<string, object?> m) => $"NetworkPolicy/{Map(m.GetValueOrDefault("metadata")).GetValueOrDefault("name")}";

    private static IReadOnlyDictionary<string, object?>? Template(string? kind, IReadOnlyDictionary<string, object?> spec) => kind switch
    {
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => Map(spec.GetValueOrDefault("template")),
        "CronJob" => Map(Map(Map(spec.GetValueOrDefault("jobTemplate")).GetValueOrDefault("spec")).GetValueOrDefault("template")),
        "Pod" => new Dictionary<string, object?> { ["spec"] = spec },
        _ => null,
    };

    private static PolicyPod PodOf(string name, string ns, IReadOnlyDictionary<string, object?> template)
    {
        var labels = Strings(Map(template.GetValueOrDefault("metadata")).GetValueOrDefault("labels"));
        var ports = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        var spec = Map(template.GetValueOrDefault("spec"));
        foreach (var container in List(spec.GetValueOrDefault("containers")).Select(Map))
        {
            foreach (var p in List(container.GetValueOrDefault("ports")).Select(Map))
            {
                if (p.GetValueOrDefault("name") is string portName)
                {
                    ports[portName] = (Convert.ToInt32(p["containerPort"], CultureInfo.InvariantCulture), p.GetValueOrDefault("protocol") as string ?? "TCP");
                }
            }
        }

        return new PolicyPod(name, ns, labels, ports);
    }

    private static IReadOnlyDictionary<string, object?> Map(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> d => d,
        IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => d[k]),
        _ => new Dictionary<string, object?>(),
    };

    private static IEnumerable<object?> List(object? value) => value is IList list ? list.Cast<object?>() : [];

    private static Dictionary<string, string> Strings(object? value) =>
        Map(value).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? "", StringComparer.Ordinal);
}
