namespace Superset.Configuration.Python;

/// <summary>Positions in a statement's tokens: bracket depth, the top-level occurrence of a token, splitting on a separator.</summary>
internal static class PyTokenSpans
{
    internal static bool Is(List<PyToken> t, int i, string name) => i < t.Count && t[i].Kind == PyTokenKind.Name && t[i].Text == name;

    internal static int Depth(List<PyToken> t, int at)
    {
        var depth = 0;
        for (var i = 0; i < at; i++)
        {
            depth += t[i].Text is "(" or "[" or "{" ? 1 : t[i].Text is ")" or "]" or "}" ? -1 : 0;
        }

        return depth;
    }

    internal static int TopLevel(List<PyToken> t, string text, int from)
    {
        for (var i = from; i < t.Count; i++)
        {
            if (t[i].Text == text && t[i].Kind is PyTokenKind.Op or PyTokenKind.Name && Depth(t, i) == Depth(t, from))
            {
                return i;
            }
        }

        return -1;
    }

    internal static int Close(List<PyToken> t, int open)
    {
        var depth = 0;
        for (var i = open; i < t.Count; i++)
        {
            depth += t[i].Text is "(" or "[" or "{" ? 1 : t[i].Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return t.Count - 1;
    }

    internal static List<PyToken> Unwrap(List<PyToken> t) =>
        t.Count >= 2 && t[0].Text is "(" or "[" && Close(t, 0) == t.Count - 1 ? Unwrap(t[1..^1]) : t;

    internal static List<List<PyToken>> Split(List<PyToken> t, string separator)
    {
        var parts = new List<List<PyToken>> { new() };
        var depth = 0;
        foreach (var x in t)
        {
            depth += x.Text is "(" or "[" or "{" ? 1 : x.Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0 && x.Text == separator && x.Kind == PyTokenKind.Op)
            {
                parts.Add([]);
            }
            else
            {
                parts[^1].Add(x);
            }
        }

        return parts.Where(p => p.Count > 0).ToList();
    }
}
