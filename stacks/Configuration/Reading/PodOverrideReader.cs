using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads <c>podOverrides.&lt;role&gt;</c> for each role present.</summary>
internal static class PodOverrideReader
{
    public static IReadOnlyDictionary<string, PodOverrides> Read(ObjectReader overrides)
    {
        var result = new Dictionary<string, PodOverrides>(StringComparer.Ordinal);
        foreach (var role in PodOverrideKeys.Roles)
        {
            var key = ConfigKeys.Find($"podOverrides.{role}")!;
            if (!overrides.Has(key))
            {
                continue;
            }

            var r = overrides.Child(key);
            var ports = r.Child(r.KeyNamed("ports"));
            result[role] = new PodOverrides
            {
                Annotations = r.StringMap(r.KeyNamed("annotations")),
                Labels = r.StringMap(r.KeyNamed("labels")),
                Sidecars = r.Kubernetes(r.KeyNamed("sidecars")),
                InitContainers = r.Kubernetes(r.KeyNamed("initContainers")),
                Volumes = r.Kubernetes(r.KeyNamed("volumes")),
                VolumeMounts = r.Kubernetes(r.KeyNamed("volumeMounts")),
                Ports = ports.FieldNames.ToList().Select(name => Port(ports, name)).OfType<SidecarPort>().ToList(),
            };
            r.RejectUnknown();
        }

        overrides.RejectUnknown();
        return result;
    }

    private static SidecarPort? Port(ObjectReader ports, string name)
    {
        if (!ConfigKeys.Find(ports.Template)!.Accepts(name))
        {
            ports.FailName(name, ConfigKeys.Find(ports.Template)!.Expected!);
            return null;
        }

        var r = ports.Entry(name);
        var number = r.NullableInt(r.KeyNamed("port"));
        var from = r.StringList(r.KeyNamed("from"));
        r.RejectUnknown();
        if (number is null)
        {
            r.Fail(r.KeyNamed("port"), "the sidecar's container port, 1 to 65535 (required)");
            return null;
        }

        return new SidecarPort(name, number.Value, from);
    }
}
