namespace Superset.Components.Kubernetes;

/// <summary>
/// File mode bits for a volume's <c>defaultMode</c> or an item's <c>mode</c>, written as the octal text
/// everyone reads them as. C# has no octal literals: <c>0440</c> in C# is the decimal 440, which is
/// octal 0670 (group-writable). Kubernetes takes the decimal number on the wire: "Must be an octal
/// value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and
/// decimal values, JSON requires decimal values for mode bits" (kubernetes/api core/v1/types.go@v0.36.1,
/// SecretVolumeSource.DefaultMode; the same text on ConfigMapVolumeSource, ProjectedVolumeSource,
/// DownwardAPIVolumeSource, KeyToPath.Mode; Pulumi.Kubernetes 4.32.0 is generated from Kubernetes
/// v1.36.1, pulumi/pulumi-kubernetes Makefile@v4.32.0 KUBE_VERSION).
/// </summary>
public static class ModeBits
{
    /// <summary>The largest mode Kubernetes accepts: 0777 (511).</summary>
    public const int Max = 511;

    /// <summary>The mode of octal text (<c>"0440"</c> → 288), refused outside 0000–0777.</summary>
    public static int Octal(string octal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(octal);
        if (octal.Length > 4 || octal.Any(c => c is < '0' or > '7'))
        {
            throw new ArgumentException($"file mode {octal}: up to four octal digits 0-7, e.g. 0440", nameof(octal));
        }

        var mode = Convert.ToInt32(octal, 8);
        return mode <= Max ? mode : throw new ArgumentException($"file mode {octal}: at most 0777 (kubernetes/api core/v1/types.go@v0.36.1)", nameof(octal));
    }
}
