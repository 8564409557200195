using Pulumi;
using Superset.Components.Kubernetes;

namespace Superset.Infra;

/// <summary>The cluster add-ons a stack installs, by key.</summary>
internal sealed class AddonSet : Dictionary<string, ClusterAddon>
{
    /// <summary>Those of <paramref name="keys"/> the stack installs, to depend on.</summary>
    public Resource[] Of(params string[] keys) => keys.Where(ContainsKey).Select(k => (Resource)this[k]).ToArray();
}
