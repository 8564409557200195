using System.Globalization;
using System.Text.Json.Nodes;
using Superset.Configuration;
using Superset.Planning.Topology;

namespace Superset.Planning.Pods;

/// <summary>
/// A sidecar's port is part of the topology: it must be named, declared under
/// <c>podOverrides.&lt;role&gt;.ports</c> with the same number, and say who connects, so that its
/// NetworkPolicy rule and its connection-matrix rows follow like any other port's.
/// </summary>
public static class SidecarPortChecks
{
    /// <summary>Who a sidecar port may name as its source besides the stack's components.</summary>
    public static IReadOnlyList<string> Outsiders { get; } = ["prometheus", "ingress"];

    /// <summary>Refuses an undeclared, unnamed or mismatched port, a declared one no container has, and an unknown source.</summary>
    public static void Check(string key, IReadOnlyList<JsonObject> containers, IReadOnlyList<SidecarPort> declared, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(errors);
        var opened = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            var name = container["name"]?.GetValue<string>() ?? "";
            foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var number = port["containerPort"]?.GetValue<int>() ?? 0;
                var portName = port["name"]?.GetValue<string>();
                if (portName is null)
                {
                    errors.Add(new SettingsError($"{key}.sidecars", $"{name}: port {number.ToString(CultureInfo.InvariantCulture)}",
                        $"a name on every sidecar port, declared under {key}.ports.<name> with who connects (the NetworkPolicies admit ports by name)"));
                    continue;
                }

                opened[portName] = number;
                var match = declared.FirstOrDefault(d => d.Name == portName);
                if (match is null)
                {
                    errors.Add(new SettingsError($"{key}.ports.{portName}", "(missing)",
                        $"a declaration of {name}'s port {portName} ({number.ToString(CultureInfo.InvariantCulture)}): port: {number.ToString(CultureInfo.InvariantCulture)} and from: [who connects], so its NetworkPolicy admits exactly them"));
                }
                else if (match.Port != number)
                {
                    errors.Add(new SettingsError($"{key}.ports.{portName}.port", match.Port.ToString(CultureInfo.InvariantCulture),
                        $"{number.ToString(CultureInfo.InvariantCulture)}, the containerPort of {name}'s port {portName}"));
                }
            }
        }

        var components = WorkloadRegistry.All.Select(w => w.Identity.Component).Distinct().ToList();
        foreach (var port in declared)
        {
            if (!opened.ContainsKey(port.Name))
            {
                errors.Add(new SettingsError($"{key}.ports.{port.Name}", port.Port.ToString(CultureInfo.InvariantCulture),
                    "a port one of the role's sidecars or init containers declares (containers[].ports[].name), or remove it"));
            }

            foreach (var from in port.From.Where(f => !Outsiders.Contains(f) && !components.Contains(f)))
            {
                errors.Add(new SettingsError($"{key}.ports.{port.Name}.from", from,
                    $"prometheus, ingress or a component of the stack: {string.Join(", ", components)}"));
            }
        }
    }
}
