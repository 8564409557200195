using Pulumi;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Superset.Configuration;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The accounts pods run as. Superset's pods share one (<c>serviceAccount</c>: the one a cloud role is
/// bound to, e.g. by IRSA); every other pod has its own, so no grant to Superset's reaches an exporter
/// or a data service, and none is the namespace's <c>default</c>. None mounts an API token.
/// </summary>
public static class ServiceAccounts
{
    /// <summary>A workload's own account, named after it.</summary>
    public static Output<string> Own(string resourceName, string name, Input<string> ns, Dictionary<string, string> labels, Resource parent)
    {
        var account = new ServiceAccount(resourceName, new ServiceAccountArgs
        {
            Metadata = new ObjectMetaArgs { Name = name, Namespace = ns, Labels = labels },
            AutomountServiceAccountToken = false,
        }, new CustomResourceOptions { Parent = parent });
        return account.Metadata.Apply(m => m.Name);
    }

    /// <summary>Superset's account when the stack declares it (<c>serviceAccount.create</c>); null when it exists already.</summary>
    public static ServiceAccount? Superset(ServiceAccountSettings settings, Input<string> ns, string instance, CustomResourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Create)
        {
            return null;
        }

        var metadata = new ObjectMetaArgs { Name = settings.Name, Namespace = ns, Labels = Labels.For(instance, "superset") };
        if (settings.Annotations is { Count: > 0 } annotations)
        {
            // None: the field stays absent, not an empty map.
            metadata.Annotations = annotations.ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        return new ServiceAccount("superset-serviceaccount", new ServiceAccountArgs
        {
            Metadata = metadata,
            AutomountServiceAccountToken = false,
        }, options);
    }
}
