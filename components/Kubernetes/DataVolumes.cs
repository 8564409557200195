using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Superset.Configuration;

namespace Superset.Components.Kubernetes;

/// <summary>The claim of an in-cluster data service's volume: its size and, when the stack names one, its StorageClass.</summary>
public static class DataVolumes
{
    /// <summary>A ReadWriteOnce claim of <paramref name="volume"/>.</summary>
    public static PersistentVolumeClaimSpecArgs Claim(VolumeSettings volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var spec = new PersistentVolumeClaimSpecArgs
        {
            AccessModes = { "ReadWriteOnce" },
            Resources = new VolumeResourceRequirementsArgs { Requests = new InputMap<string> { { "storage", $"{volume.SizeGi.ToString(System.Globalization.CultureInfo.InvariantCulture)}Gi" } } },
        };
        if (volume.StorageClass is { } storageClass)
        {
            spec.StorageClassName = storageClass;
        }

        return spec;
    }
}
