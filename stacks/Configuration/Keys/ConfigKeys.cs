using System.Reflection;

namespace Superset.Configuration.Keys;

/// <summary>The registry: every <c>superset:</c> key this program reads, from the classes of this namespace.</summary>
public static class ConfigKeys
{
    /// <summary>Every key, in the order of its path.</summary>
    public static IReadOnlyList<ConfigKey> All { get; } = Collect();

    private static readonly Dictionary<string, ConfigKey> ByPath = All.ToDictionary(k => k.Path, StringComparer.Ordinal);

    /// <summary>The key at a path (<c>queues.&lt;name&gt;.minReplicas</c>); null when none is registered.</summary>
    public static ConfigKey? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The keys directly under an object or map entry (<c>""</c> for the top level), by field name.</summary>
    public static IReadOnlyList<ConfigKey> ChildrenOf(string parent) =>
        All.Where(k => k.Parent == parent).ToList();

    private static List<ConfigKey> Collect()
    {
        var holders = typeof(ConfigKeys).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ConfigKeys).Namespace && t.IsAbstract && t.IsSealed && t != typeof(ConfigKeys));
        var keys = new List<ConfigKey>();
        foreach (var field in holders.SelectMany(h => h.GetFields(BindingFlags.Public | BindingFlags.Static)))
        {
            switch (field.GetValue(null))
            {
                case ConfigKey key:
                    keys.Add(key);
                    break;
                case IEnumerable<ConfigKey> many:
                    keys.AddRange(many);
                    break;
            }
        }

        var twice = keys.GroupBy(k => k.Path).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new InvalidOperationException($"config keys registered twice: {string.Join(", ", twice)}");
        }

        return keys.OrderBy(k => k.Path, StringComparer.Ordinal).ToList();
    }
}
