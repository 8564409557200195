using Superset.Analysis.Network;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// The evaluator against Kubernetes' NetworkPolicy semantics (kubernetes.io/docs/concepts/services-networking/network-policies),
/// one rule of the documentation per case, on hand-written manifests.
/// </summary>
public sealed class NetworkPolicyEvaluatorTests
{
    private static Dictionary<string, object?> M(params (string Key, object? Value)[] items) => items.ToDictionary(i => i.Key, i => i.Value);

    private static List<object?> L(params object?[] items) => [.. items];

    private static Dictionary<string, object?> Deployment(string name, string ns, Dictionary<string, object?> labels, params (string Name, long Port, string Protocol)[] ports)
    {
        var containerPorts = ports.Select(p => (object?)M(("name", p.Name), ("containerPort", p.Port), ("protocol", p.Protocol))).ToList();
        var container = M(("name", "c"), ("ports", containerPorts));
        var template = M(("metadata", M(("labels", labels))), ("spec", M(("containers", L(container)))));
        return M(("apiVersion", "apps/v1"), ("kind", "Deployment"), ("metadata", M(("name", name), ("namespace", ns))), ("spec", M(("template", template))));
    }

    private static Dictionary<string, object?> Policy(string name, string ns, Dictionary<string, object?> podSelector, List<object?>? types = null,
        List<object?>? ingress = null, List<object?>? egress = null)
    {
        var spec = M(("podSelector", podSelector));
        if (types is not null)
        {
            spec["policyTypes"] = types;
        }

        if (ingress is not null)
        {
            spec["ingress"] = ingress;
        }

        if (egress is not null)
        {
            spec["egress"] = egress;
        }

        return M(("apiVersion", "networking.k8s.io/v1"), ("kind", "NetworkPolicy"), ("metadata", M(("name", name), ("namespace", ns))), ("spec", spec));
    }

    private static Dictionary<string, object?> Labels(params (string Key, string Value)[] labels) => labels.ToDictionary(l => l.Key, l => (object?)l.Value);

    private static readonly Dictionary<string, object?> Db = Deployment("db", "app", Labels(("role", "db")), ("pg", 5432, "TCP"), ("dns", 53, "UDP"));
    private static readonly Dictionary<string, object?> Api = Deployment("api", "app", Labels(("role", "api"), ("tier", "backend")));
    private static readonly Dictionary<string, object?> Other = Deployment("other", "elsewhere", Labels(("role", "api")));

    private static Verdict Check(IEnumerable<Dictionary<string, object?>> manifests, string from, string to, string port)
    {
        var list = manifests.ToList();
        var evaluator = new NetworkPolicyEvaluator(list);
        var pods = evaluator.Pods.ToDictionary(p => p.Name.Split('/')[1]);
        return evaluator.Check(pods.GetValueOrDefault(from) ?? NetworkPolicyEvaluator.External(from), pods[to], port);
    }

    private static Dictionary<string, object?> Selector(params (string Key, string Value)[] labels) => M(("matchLabels", Labels(labels)));

    private static Dictionary<string, object?> Admit(string port, params object?[] from) => M(("from", L(from)), ("ports", L(M(("port", port)))));

    [Fact]
    public void A_pod_no_policy_selects_accepts_everything()
    {
        Assert.True(Check([Db, Api], "api", "db", "pg").Allowed);
    }

    [Fact]
    public void A_policy_with_no_rules_isolates_the_pod_it_selects()
    {
        var verdict = Check([Db, Api, Policy("deny", "app", M())], "api", "db", "pg");
        Assert.False(verdict.Allowed);
        Assert.Contains("NetworkPolicy/deny", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_add_up_any_rule_of_any_selecting_policy_admits()
    {
        var allow = Policy("allow", "app", M(("matchLabels", Labels(("role", "db")))), ingress: L(Admit("pg", M(("podSelector", M(("matchLabels", Labels(("role", "api")))))))));
        Assert.True(Check([Db, Api, Policy("deny", "app", M()), allow], "api", "db", "pg").Allowed);
    }

    [Fact]
    public void A_pod_selector_alone_means_the_policys_own_namespace()
    {
        var allow = Policy("allow", "app", M(("matchLabels", Labels(("role", "db")))), ingress: L(Admit("pg", M(("podSelector", M(("matchLabels", Labels(("role", "api")))))))));
        Assert.True(Check([Db, Api, Other, allow], "api", "db", "pg").Allowed);
        Assert.False(Check([Db, Api, Other, allow], "other", "db", "pg").Allowed); // same labels, another namespace
    }

    [Fact]
    public void Namespace_and_pod_selector_in_one_peer_must_both_match_in_two_peers_either()
    {
        var both = M(("namespaceSelector", Selector(("kubernetes.io/metadata.name", "elsewhere"))), ("podSelector", Selector(("role", "web"))));
        var conjunction = Policy("and", "app", Selector(("role", "db")), ingress: L(Admit("pg", both)));
        Assert.False(Check([Db, Other, conjunction], "other", "db", "pg").Allowed); // namespace matches, labels do not

        var namespacePeer = M(("namespaceSelector", Selector(("kubernetes.io/metadata.name", "elsewhere"))));
        var podPeer = M(("podSelector", Selector(("role", "web"))));
        var either = Policy("or", "app", Selector(("role", "db")), ingress: L(Admit("pg", namespacePeer, podPeer)));
        Assert.True(Check([Db, Other, either], "other", "db", "pg").Allowed);
    }

    [Theory]
    [InlineData("In", new[] { "backend", "x" }, true)]
    [InlineData("In", new[] { "frontend" }, false)]
    [InlineData("NotIn", new[] { "frontend" }, true)]
    [InlineData("NotIn", new[] { "backend" }, false)]
    [InlineData("Exists", new string[0], true)]
    [InlineData("DoesNotExist", new string[0], false)]
    public void Match_expressions_follow_their_operator(string op, string[] values, bool admitted)
    {
        var expression = M(("key", "tier"), ("operator", op), ("values", values.Cast<object?>().ToList()));
        var peer = M(("podSelector", M(("matchExpressions", L(expression)))));
        var policy = Policy("p", "app", M(("matchLabels", Labels(("role", "db")))), ingress: L(Admit("pg", peer)));
        Assert.Equal(admitted, Check([Db, Api, policy], "api", "db", "pg").Allowed);
    }

    [Theory]
    [InlineData("pg", "pg", true)] // a named port, resolved on the destination pod
    [InlineData(5432L, "pg", true)]
    [InlineData(5433L, "pg", false)]
    [InlineData("dns", "pg", false)] // another port's name
    public void Ports_match_by_name_or_number(object rulePort, string port, bool admitted)
    {
        var policy = Policy("p", "app", M(("matchLabels", Labels(("role", "db")))), ingress: L(M(("ports", L(M(("port", rulePort)))))));
        Assert.Equal(admitted, Check([Db, Api, policy], "api", "db", port).Allowed);
    }

    [Fact]
    public void A_port_range_and_the_protocol_count()
    {
        var range = Policy("range", "app", M(("matchLabels", Labels(("role", "db")))), ingress: L(M(("ports", L(M(("port", 5000L), ("endPort", 6000L)))))));
        Assert.True(Check([Db, Api, range], "api", "db", "pg").Allowed);
        Assert.False(Check([Db, Api, range], "api", "db", "dns").Allowed); // 53/UDP: outside, and TCP is the default protocol

        var udp = Policy("udp", "app", M(("matchLabels", Labels(("role", "db")))), ingress: L(M(("ports", L(M(("port", 53L), ("protocol", "UDP")))))));
        Assert.True(Check([Db, Api, udp], "api", "db", "dns").Allowed);
    }

    [Fact]
    public void Egress_isolates_the_source_only_when_a_policy_says_so()
    {
        var deny = Policy("no-egress", "app", M(("matchLabels", Labels(("role", "api")))), types: L("Egress"));
        var verdict = Check([Db, Api, deny], "api", "db", "pg");
        Assert.False(verdict.Allowed);
        Assert.Contains("egress", verdict.Reason, StringComparison.Ordinal);

        var toDb = Policy("to-db", "app", M(("matchLabels", Labels(("role", "api")))), types: L("Egress"),
            egress: L(M(("to", L(M(("podSelector", M(("matchLabels", Labels(("role", "db")))))))), ("ports", L(M(("port", "pg")))))));
        Assert.True(Check([Db, Api, deny, toDb], "api", "db", "pg").Allowed);
    }

    [Fact]
    public void Without_policy_types_an_egress_section_makes_an_egress_policy()
    {
        // policyTypes defaults to Ingress, plus Egress when the policy has egress rules.
        var noRules = Policy("implicit", "app", M(("matchLabels", Labels(("role", "api")))), egress: L());
        Assert.True(Check([Db, Api, noRules], "api", "db", "pg").Allowed); // no egress rules: an ingress-only policy
        var withRule = Policy("implicit", "app", M(("matchLabels", Labels(("role", "api")))),
            egress: L(M(("to", L(M(("podSelector", M(("matchLabels", Labels(("role", "nobody")))))))))));
        Assert.False(Check([Db, Api, withRule], "api", "db", "pg").Allowed);
    }

    [Fact]
    public void An_ip_block_peer_admits_no_pod()
    {
        var policy = Policy("p", "app", M(("matchLabels", Labels(("role", "db")))), ingress: L(Admit("pg", M(("ipBlock", M(("cidr", "0.0.0.0/0")))))));
        Assert.False(Check([Db, Api, policy], "api", "db", "pg").Allowed);
    }

    [Fact]
    public void A_port_the_destination_does_not_have_is_never_a_connection()
    {
        var verdict = Check([Db, Api], "api", "db", "http");
        Assert.False(verdict.Allowed);
        Assert.Contains("no container port named http", verdict.Reason, StringComparison.Ordinal);
    }
}
