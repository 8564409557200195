namespace Superset.Architecture.Tests;

/// <summary>Cycles of a directed graph: its strongly connected components of more than one node (Tarjan's algorithm).</summary>
public static class NamespaceGraph
{
    /// <summary>Every cycle, each as its nodes in order, the first repeated at the end; none for a DAG.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().Order(StringComparer.Ordinal).ToList());
        var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in next.GetValueOrDefault(node, []))
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], index[to]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    onStack.Remove(popped);
                    component.Add(popped);
                }
                while (popped != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components.Where(c => c.Count > 1).Select(c => Path(c.ToHashSet(), next)).ToList();
    }

    /// <summary>One cycle through a component, as a reader follows it: from its first node back to it.</summary>
    private static IReadOnlyList<string> Path(HashSet<string> component, Dictionary<string, List<string>> next)
    {
        var start = component.Order(StringComparer.Ordinal).First();
        var path = new List<string> { start };
        var seen = new HashSet<string> { start };
        var at = start;
        while (true)
        {
            var step = next[at].Where(component.Contains).ToList();
            var home = step.FirstOrDefault(s => s == start);
            if (home is not null && path.Count > 1)
            {
                path.Add(start);
                return path;
            }

            at = step.FirstOrDefault(s => !seen.Contains(s)) ?? start;
            if (at == start)
            {
                path.Add(start);
                return path;
            }

            path.Add(at);
            seen.Add(at);
        }
    }
}
