using Pulumi;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

namespace Superset.Components.Kubernetes;

/// <summary>
/// A cluster add-on installed from its pinned Helm chart (Charts.cs): the ingress controller, the
/// Prometheus stack or the adapter, for clusters that lack them. Off by default in the settings.
/// </summary>
public sealed class ClusterAddon : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:k8s:ClusterAddon";

    /// <summary>Installs the chart as a Helm release in its own namespace.</summary>
    public ClusterAddon(string name, ClusterAddonArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var chart = args.Chart;
        var values = new InputMap<object>();
        foreach (var (key, value) in args.Values)
        {
            values.Add(key, value);
        }

        var release = new Release($"{name}-release", new ReleaseArgs
        {
            Name = args.ReleaseName,
            Chart = chart.Chart,
            Version = chart.Version,
            RepositoryOpts = new RepositoryOptsArgs { Repo = chart.Repository },
            Namespace = args.Namespace ?? chart.Namespace,
            CreateNamespace = true,
            // A failed upgrade rolls back instead of leaving a half-applied controller.
            Atomic = true,
            Timeout = 600,
            Values = values,
        }, new CustomResourceOptions { Parent = this });

        // Unknown until Helm has run (null under the mock engine and in a first preview).
        Status = release.Status.Apply(s => s?.Status ?? "pending");
        RegisterOutputs(new Dictionary<string, object?> { ["status"] = Status });
    }

    /// <summary>Helm's status of the release (deployed, failed…).</summary>
    [Output]
    public Output<string> Status { get; private set; }
}
