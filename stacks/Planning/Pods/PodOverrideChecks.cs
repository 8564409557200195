using System.Globalization;
using System.Text.Json.Nodes;
using Superset.Configuration;

namespace Superset.Planning.Pods;

/// <summary>
/// What <c>podOverrides.&lt;role&gt;</c> may not do, each refusal naming the key: change a selector label,
/// replace the main container (whose command the plan sets), run a container or mount a volume below
/// Pod Security <c>restricted</c> (the namespace enforces it: the API server would refuse the pod at
/// admission, after the deploy began), or open a port nobody declared. Sidecars and init containers
/// get the restricted security context's fields they leave out.
/// </summary>
public static class PodOverrideChecks
{
    /// <summary>The labels the selectors match (components' Labels.Selector): a change would orphan the pods.</summary>
    public static IReadOnlyList<string> SelectorLabels { get; } = ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component", "superset.apache.org/queue"];

    /// <summary>
    /// Volume types Pod Security restricted allows (kubernetes/pod-security-admission
    /// policy/check_restrictedVolumes.go@v0.36.1): every other inline source is refused there.
    /// </summary>
    public static IReadOnlyList<string> RestrictedVolumeTypes { get; } =
        ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"];

    /// <summary>The volumes Superset's pod template declares itself.</summary>
    public static IReadOnlyList<string> OwnVolumes { get; } = ["superset-config", "tmp", "superset-home", "schedule"];

    /// <summary>The overrides with sidecars' and init containers' security completed; refusals added to <paramref name="errors"/>.</summary>
    public static PodOverrides Check(string role, PodOverrides o, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(errors);
        var key = $"superset:podOverrides.{role}";
        foreach (var label in (o.Labels ?? new Dictionary<string, string>()).Keys.Where(SelectorLabels.Contains))
        {
            errors.Add(new SettingsError($"{key}.labels.{label}", o.Labels![label],
                $"another label: {label} is a selector label of the {role} pods ({string.Join(", ", SelectorLabels)}); a Deployment's selector cannot change, and pods without it are orphaned"));
        }

        var volumes = Array(o.Volumes);
        CheckVolumes(key, volumes, errors);
        var sidecars = Containers(key, "sidecars", Array(o.Sidecars), role, errors);
        var inits = Containers(key, "initContainers", Array(o.InitContainers), role, errors);
        var known = OwnVolumes.Concat(volumes.Select(v => v?["name"]?.GetValue<string>() ?? "")).ToHashSet(StringComparer.Ordinal);
        var mounts = Array(o.VolumeMounts);
        for (var i = 0; i < mounts.Count; i++)
        {
            var name = mounts[i]?["name"]?.GetValue<string>() ?? "";
            if (!known.Contains(name))
            {
                errors.Add(new SettingsError($"{key}.volumeMounts[{i.ToString(CultureInfo.InvariantCulture)}].name", name,
                    $"a volume of the pod: {string.Join(", ", known.Order(StringComparer.Ordinal))} (add it under podOverrides.{role}.volumes)"));
            }
        }

        SidecarPortChecks.Check(key, sidecars.Concat(inits).ToList(), o.Ports, errors);
        return o with
        {
            Sidecars = o.Sidecars is null ? null : o.Sidecars with { Json = new JsonArray([.. sidecars.Select(c => c.DeepClone())]).ToJsonString() },
            InitContainers = o.InitContainers is null ? null : o.InitContainers with { Json = new JsonArray([.. inits.Select(c => c.DeepClone())]).ToJsonString() },
        };
    }

    private static JsonArray Array(KubernetesValue? value) => value is null ? [] : JsonNode.Parse(value.Json)!.AsArray();

    private static void CheckVolumes(string key, JsonArray volumes, List<SettingsError> errors)
    {
        for (var i = 0; i < volumes.Count; i++)
        {
            var at = $"{key}.volumes[{i.ToString(CultureInfo.InvariantCulture)}]";
            var volume = volumes[i]!.AsObject();
            var name = volume["name"]?.GetValue<string>() ?? "";
            if (OwnVolumes.Contains(name))
            {
                errors.Add(new SettingsError($"{at}.name", name, $"another name: {string.Join(", ", OwnVolumes)} are Superset's own volumes"));
            }

            foreach (var (type, _) in volume.Where(f => f.Key != "name" && !RestrictedVolumeTypes.Contains(f.Key)))
            {
                errors.Add(new SettingsError($"{at}.{type}", "(set)",
                    $"a volume type Pod Security restricted allows ({string.Join(", ", RestrictedVolumeTypes)}; kubernetes/pod-security-admission policy/check_restrictedVolumes.go@v0.36.1): the namespace enforces restricted, so the pod would be refused"));
            }
        }
    }

    /// <summary>The containers, each with the restricted security context completed; a name clash or a weaker field refused.</summary>
    private static List<JsonObject> Containers(string key, string field, JsonArray list, string role, List<SettingsError> errors)
    {
        var result = new List<JsonObject>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{key}.{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var container = list[i]!.AsObject().DeepClone().AsObject();
            var name = container["name"]?.GetValue<string>() ?? "";
            if (name == role)
            {
                errors.Add(new SettingsError($"{at}.name", name,
                    $"another name: {role} is the main container, whose command and image the plan sets; a container of that name would replace it"));
            }

            container["securityContext"] = RestrictedSecurity.Complete(container["securityContext"] as JsonObject, $"{at}.securityContext", errors);
            if (container["ports"] is JsonArray ports)
            {
                foreach (var p in ports.OfType<JsonObject>().Where(p => p["hostPort"] is not null))
                {
                    errors.Add(new SettingsError($"{at}.ports.hostPort", p["hostPort"]!.ToJsonString(),
                        "none: a host port breaks Pod Security baseline (kubernetes/pod-security-admission policy/check_hostPorts.go@v0.36.1), and the NetworkPolicies govern pod ports only"));
                }
            }

            result.Add(container);
        }

        return result;
    }
}
