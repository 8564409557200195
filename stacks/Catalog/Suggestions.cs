namespace Superset.Catalog;

/// <summary>
/// "Did you mean": the known name closest to a misspelt one, by edit distance. In the lowest layer so
/// that the Kubernetes schema here and every reader above share one distance and one threshold.
/// </summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="written"/> (case-insensitive optimal string alignment
    /// distance: insertions, deletions, substitutions and swaps of neighbours), when it is close
    /// enough to be a typo: at most <paramref name="maxEdits"/> edits, by default one for names up to
    /// 4 characters and two above; else null.
    /// </summary>
    public static string? Closest(string written, IEnumerable<string> candidates, int? maxEdits = null)
    {
        ArgumentNullException.ThrowIfNull(written);
        var allowed = maxEdits ?? (written.Length <= 4 ? 1 : 2);
        return candidates
            .Where(c => !string.Equals(c, written, StringComparison.Ordinal))
            .Select(c => (Name: c, Distance: Distance(written.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>" (did you mean x?)" or nothing.</summary>
    public static string DidYouMean(string written, IEnumerable<string> candidates, string prefix = "") =>
        Closest(written, candidates) is { } near ? $"did you mean {prefix}{near}? " : "";

    /// <summary>Optimal string alignment distance.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
