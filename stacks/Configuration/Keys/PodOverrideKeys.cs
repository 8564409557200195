namespace Superset.Configuration.Keys;

/// <summary>
/// <c>podOverrides.&lt;role&gt;</c>: what a platform adds to one role's Superset pods (web, worker, beat,
/// init) after the component has built them: annotations, labels, sidecars, init containers, volumes,
/// mounts into the main container, and the sidecars' ports with who may reach them. The planner
/// refuses a selector label, a container named like the main one, a security context below Pod
/// Security restricted, and an undeclared sidecar port.
/// </summary>
public static class PodOverrideKeys
{
    /// <summary>The roles, as SUPERSET_PROCESS_ROLE names them.</summary>
    public static readonly IReadOnlyList<string> Roles = ["web", "worker", "beat", "init"];

    /// <summary>The object.</summary>
    public static readonly ConfigKey Object = Define.Object("podOverrides",
        "Additions to Superset's pods by role (web, worker: every pool, beat, init), applied after the pod is built.");

    /// <summary>Each role's object and fields.</summary>
    public static readonly IReadOnlyList<ConfigKey> ByRole = Roles.SelectMany(Role).ToList();

    private static IEnumerable<ConfigKey> Role(string role)
    {
        var parent = $"podOverrides.{role}";
        PodOverrides? Of(StackSettings s) => s.Pods.Overrides.GetValueOrDefault(role);
        yield return Define.Object(parent, $"Additions to the {role} pods.");
        yield return Define.TextMap($"{parent}.annotations", "Pod annotations (a sidecar injector's, a log shipper's).", Patterns.QualifiedName, null,
            "a mapping of annotation keys to text", s => Of(s)?.Annotations) with { DefaultText = "none" };
        yield return Define.TextMap($"{parent}.labels", "Pod labels; the selector labels (app.kubernetes.io/name, instance, component, superset.apache.org/queue) are refused.",
            Patterns.QualifiedName, Patterns.LabelValue, "a mapping of label keys to label values", s => Of(s)?.Labels) with { DefaultText = "none" };
        yield return Define.Kubernetes($"{parent}.sidecars", "list:core.v1.Container",
            "More containers (a cloud-sql-proxy, a log shipper); security context restricted (the missing fields are filled in), ports declared under ports.", s => Of(s)?.Sidecars) with { DefaultText = "none" };
        yield return Define.Kubernetes($"{parent}.initContainers", "list:core.v1.Container", "Init containers, run before the main container; security context restricted.",
            s => Of(s)?.InitContainers) with { DefaultText = "none" };
        yield return Define.Kubernetes($"{parent}.volumes", "list:core.v1.Volume",
            "More volumes (Pod Security restricted types only: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret).", s => Of(s)?.Volumes) with { DefaultText = "none" };
        yield return Define.Kubernetes($"{parent}.volumeMounts", "list:core.v1.VolumeMount", "Mounts of those volumes into the main container.", s => Of(s)?.VolumeMounts) with { DefaultText = "none" };
        yield return new ConfigKey
        {
            Path = $"{parent}.ports", Kind = ValueKind.Map, Pattern = Patterns.DnsLabel, MaxLength = 15,
            Description = "The sidecars' ports by name, each with who may connect: its NetworkPolicy rule and connection-matrix row.",
            Expected = "a port name: at most 15 lowercase letters, digits and '-' (an IANA service name)",
        };
        yield return Define.Object($"{parent}.ports.<name>", "One sidecar port.");
        yield return Define.Int($"{parent}.ports.<name>.port", 1, 65_535, "The sidecar's container port.", null);
        yield return new ConfigKey
        {
            Path = $"{parent}.ports.<name>.from", Kind = ValueKind.StringList, Pattern = Patterns.DnsLabel, MaxLength = 63,
            Description = "Who connects: prometheus, ingress (the ingress controller or load balancer), or a component of the stack (web, worker, beat, init, flower, websocket, celery-exporter, …).",
            Expected = "prometheus, ingress or a component of the stack", DefaultText = "nobody (the port stays closed)",
        };
    }
}
