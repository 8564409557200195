namespace Superset.Configuration.Reading;

/// <summary>
/// Refuses a <c>superset:namespace</c> that is not the stack's own: the stack labels its namespace
/// Pod Security <c>restricted</c> and closes every pod in it with a default-deny NetworkPolicy, which
/// would break whatever else runs there.
/// </summary>
internal static class NamespaceChecks
{
    /// <summary>
    /// The namespaces every cluster starts with (kubernetes/website
    /// content/en/docs/concepts/overview/working-with-objects/namespaces.md: default, kube-node-lease,
    /// kube-public, kube-system; "Avoid creating namespaces with the prefix kube-, since it is
    /// reserved for Kubernetes system namespaces").
    /// </summary>
    private static readonly string[] System = ["default", "kube-node-lease", "kube-public", "kube-system"];

    public static void Check(StackSettings s, List<SettingsError> errors)
    {
        var key = $"{StackFile.Namespace}:{Keys.TopLevelKeys.Namespace.Path}";
        const string Fix = "a namespace of the stack's own (e.g. superset, or superset-<stack>)";
        if (System.Contains(s.Namespace, StringComparer.Ordinal) || s.Namespace.StartsWith("kube-", StringComparison.Ordinal))
        {
            errors.Add(new SettingsError(key, s.Namespace,
                $"{Fix}: {s.Namespace} is a Kubernetes system namespace (kube- is reserved), and this stack would enforce Pod Security restricted and deny all traffic to every pod in it"));
            return;
        }

        foreach (var (other, owner) in AddonNamespaces(s))
        {
            if (other == s.Namespace)
            {
                errors.Add(new SettingsError(key, s.Namespace,
                    $"{Fix}: {s.Namespace} is {owner}; the stack's default-deny NetworkPolicy and Pod Security restricted would apply to its pods too"));
            }
        }
    }

    private static IEnumerable<(string Namespace, string Owner)> AddonNamespaces(StackSettings s)
    {
        yield return (s.Ingress.ControllerNamespace, "the ingress controller's namespace (superset:ingress.controllerNamespace)");
        yield return (s.Monitoring.Namespace, "Prometheus' namespace (superset:monitoring.namespace)");
        if (s.Autoscaling.Engine == AutoscalingEngine.Keda || s.Autoscaling.InstallKeda)
        {
            yield return (s.Autoscaling.KedaNamespace, "KEDA's namespace (superset:autoscaling.kedaNamespace)");
        }
    }
}
