using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The web tier's HTTPRoute (kubernetes-sigs/gateway-api apis/v1/httproute_types.go@v1.4.0): one rule per
/// path, each to its Service by port number (BackendRef has no port names), parentRefs the stack's Gateway.
/// </summary>
public static class GatewayRoute
{
    /// <summary>The route's spec.</summary>
    public static InputMap<object> Spec(IngressPlan ingress, IReadOnlyList<(string Path, Input<string> Service, string Port, int ServicePort)> paths)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(paths);
        var gateway = ingress.Gateway ?? throw new ArgumentException("a gateway route needs ingress.gateway", nameof(ingress));
        var parent = new Dictionary<string, object> { ["group"] = "gateway.networking.k8s.io", ["kind"] = "Gateway", ["name"] = gateway.Name, ["namespace"] = gateway.Namespace };
        if (gateway.SectionName is { } section)
        {
            parent["sectionName"] = section;
        }

        var rules = paths.Select(p => p.Service.ToOutput().Apply(service => (object)Rule(p.Path, service, p.ServicePort, ingress.ProxyTimeoutSeconds, p.Port != "ws"))).ToList();
        return new InputMap<object>
        {
            { "parentRefs", new List<object> { parent } },
            { "hostnames", gateway.Hostnames.ToList<object>() },
            { "rules", Output.All(rules).Apply(all => (object)all.ToList()) },
        };
    }

    /// <summary>
    /// One path's rule. Every rule but the websocket's carries request and backend timeouts above
    /// gunicorn's (HTTPRouteTimeouts, Support: Extended: an implementation may ignore them); a
    /// websocket stays open far longer than any request.
    /// </summary>
    private static Dictionary<string, object> Rule(string path, string service, int port, int timeoutSeconds, bool timeouts)
    {
        var rule = new Dictionary<string, object>
        {
            ["matches"] = new List<object> { new Dictionary<string, object> { ["path"] = new Dictionary<string, object> { ["type"] = "PathPrefix", ["value"] = path } } },
            ["backendRefs"] = new List<object> { new Dictionary<string, object> { ["name"] = service, ["port"] = port } },
        };
        if (timeouts)
        {
            rule["timeouts"] = new Dictionary<string, object>
            {
                ["request"] = IngressRoutes.Duration(timeoutSeconds),
                ["backendRequest"] = IngressRoutes.Duration(timeoutSeconds),
            };
        }

        return rule;
    }
}
