using System.Globalization;
using System.Text;
using Superset.Planning.Network;

namespace Superset.Analysis.Network;

/// <summary>One connection of the matrix, with what the rendered NetworkPolicies decide.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="PortNumber">The destination's container port, or null when no destination pod has the port.</param>
/// <param name="Needed">Whether the stack needs it (else it must be refused).</param>
/// <param name="Allowed">Whether every source pod may reach every destination pod.</param>
/// <param name="Detail">The decisive policy, or what is wrong.</param>
public sealed record MatrixRow(Connection Connection, int? PortNumber, bool Needed, bool Allowed, string Detail)
{
    /// <summary>Whether the policies do what the topology says.</summary>
    public bool AsIntended => Needed == Allowed;
}

/// <summary>
/// Who can reach whom: every connection of the topology, and every one it forbids, evaluated
/// against the rendered NetworkPolicies and pods. <c>render</c> writes it as <c>connections.md</c>
/// and fails on a row that is not as intended; the connectivity tests assert on it.
/// </summary>
public static class ConnectionMatrix
{
    /// <summary>Evaluates every needed and every forbidden connection of <paramref name="topology"/> over <paramref name="manifests"/>.</summary>
    public static IReadOnlyList<MatrixRow> Evaluate(StackTopology topology, IEnumerable<IReadOnlyDictionary<string, object?>> manifests)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var evaluator = new NetworkPolicyEvaluator(manifests);
        IReadOnlyList<PolicyPod> PodsOf(string component) => evaluator.Pods
            .Where(p => p.Namespace == topology.Namespace && p.Labels.GetValueOrDefault("app.kubernetes.io/component") == component).ToList();

        MatrixRow Row(Connection c, bool needed)
        {
            var sources = c.From switch
            {
                Planning.Network.PodsOf p => PodsOf(p.Component),
                InNamespace n => [NetworkPolicyEvaluator.External(n.Namespace, n.PodLabels)],
                FromCidr block => [NetworkPolicyEvaluator.Outside(Cidr.FirstHost(block.Cidr), $"{block.Role} at {Cidr.FirstHost(block.Cidr)}")],
                _ => throw new ArgumentException($"unknown peer {c.From}", nameof(topology)),
            };
            var destinations = PodsOf(c.To);
            if (sources.Count == 0 || destinations.Count == 0)
            {
                return new MatrixRow(c, null, needed, false, $"no rendered pod of {(sources.Count == 0 ? c.From.Label : c.To)}");
            }

            var port = destinations.Select(d => d.Ports.TryGetValue(c.Port, out var p) ? p.Number : (int?)null).FirstOrDefault(n => n is not null);
            var verdicts = sources.SelectMany(s => destinations.Select(d => evaluator.Check(s, d, c.Port))).ToList();
            var allowed = verdicts.All(v => v.Allowed);
            var denied = verdicts.All(v => !v.Allowed);
            var detail = needed
                ? (allowed ? verdicts[0].Reason : verdicts.First(v => !v.Allowed).Reason)
                : (denied ? verdicts[0].Reason : verdicts.First(v => v.Allowed).Reason);
            // A forbidden connection counts as allowed as soon as one pair gets through.
            return new MatrixRow(c, port, needed, needed ? allowed : !denied, detail);
        }

        return topology.Connections.Select(c => Row(c, needed: true)).Concat(topology.Forbidden.Select(c => Row(c, needed: false))).ToList();
    }

    /// <summary>The matrix as Markdown: needed connections, then refused ones, each with the verdict.</summary>
    public static string Markdown(StackTopology topology, IReadOnlyList<MatrixRow> rows, string stack)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(rows);
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"# Connections of stack {stack} (namespace {topology.Namespace})");
        b.AppendLine();
        b.AppendLine("Every connection to a pod of the stack, evaluated against the rendered NetworkPolicies with");
        b.AppendLine("Kubernetes' semantics. Egress is not restricted (Superset connects to warehouses anywhere).");
        var wrong = rows.Where(r => !r.AsIntended).ToList();
        b.AppendLine();
        b.AppendLine(wrong.Count == 0
            ? $"All {rows.Count} connections are as intended."
            : $"**{wrong.Count} of {rows.Count} connections are not as intended** (marked ✗).");
        foreach (var (title, needed) in new[] { ("Needed: must be allowed", true), ("Forbidden: must be refused", false) })
        {
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
            b.AppendLine();
            b.AppendLine("| from | to | port | why | allowed |");
            b.AppendLine("|---|---|---|---|---|");
            // By destination, then source: the order a reader looks up, whatever order the workloads declared them in.
            foreach (var r in rows.Where(r => r.Needed == needed)
                .OrderBy(r => r.Connection.To, StringComparer.Ordinal).ThenBy(r => r.Connection.From.Label, StringComparer.Ordinal)
                .ThenBy(r => r.Connection.Port, StringComparer.Ordinal))
            {
                var port = r.PortNumber is int n ? $"{r.Connection.Port} ({n})" : r.Connection.Port;
                var verdict = (r.Allowed ? "yes" : "no") + (r.AsIntended ? "" : $" ✗ {r.Detail}");
                b.AppendLine(CultureInfo.InvariantCulture, $"| {r.Connection.From.Label} | {r.Connection.To} | {port} | {r.Connection.Why} | {verdict} |");
            }
        }

        return b.ToString();
    }
}
