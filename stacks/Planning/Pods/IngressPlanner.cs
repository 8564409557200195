using Superset.Configuration;

namespace Superset.Planning.Pods;

/// <summary>Plans how users reach the web tier: the controller's terms, the Gateway with its namespace resolved, who connects.</summary>
public static class IngressPlanner
{
    /// <summary>The Ingress (or HTTPRoute, or none) of a stack; <paramref name="proxyTimeoutSeconds"/> is above gunicorn's timeout.</summary>
    public static IngressPlan Plan(StackSettings settings, int proxyTimeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var i = settings.Ingress;
        var gateway = i.Gateway is { } g ? g with { Namespace = g.Namespace.Length == 0 ? settings.Namespace : g.Namespace } : null;
        var controllerNamespace = i.ControllerNamespace.Length == 0 ? settings.Namespace : i.ControllerNamespace;
        return new IngressPlan(i.Host, i.ClassName, i.TlsSecretName, controllerNamespace, proxyTimeoutSeconds, i.InstallController)
        {
            Controller = i.Controller,
            Annotations = i.Annotations ?? new Dictionary<string, string>(),
            SourceCidrs = UsesSourceCidrs(i.Controller, settings.Web.Service.Type) ? i.SourceCidrs : [],
            ControllerPodLabels = i.ControllerPodLabels,
            CertificateArn = i.CertificateArn,
            Gateway = gateway,
        };
    }

    /// <summary>Whether the web pods are reached from addresses, not pods: an ALB in IP mode, or a LoadBalancer Service without an Ingress.</summary>
    public static bool UsesSourceCidrs(string controller, string serviceType) =>
        controller == "alb" || (controller == "none" && serviceType == "LoadBalancer");
}
