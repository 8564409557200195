namespace Superset.Configuration.Keys;

/// <summary>
/// When a key does something (<see cref="ConfigKey.InertWhen"/>): each returns why a key does
/// nothing with these settings, or null when it applies.
/// </summary>
public static class Applies
{
    /// <summary>Keys of RDS and ElastiCache.</summary>
    public static string? OnAws(StackSettings s) =>
        s.DataServices switch
        {
            DataServicesMode.Aws => null,
            DataServicesMode.External => "dataServices is external: the team's own PostgreSQL and Redis are used, no RDS or ElastiCache is declared",
            _ => "dataServices is inCluster: PostgreSQL and Redis run as pods, no RDS or ElastiCache is declared",
        };

    /// <summary>Keys of the in-cluster PostgreSQL and Redis pods.</summary>
    public static string? InCluster(StackSettings s) => s.DataServices switch
    {
        DataServicesMode.InCluster => null,
        DataServicesMode.External => "dataServices is external: the team's own PostgreSQL and Redis run no pod of this stack",
        _ => "dataServices is aws: RDS and ElastiCache are sized by their class and node types, not by pod memory",
    };

    /// <summary>Keys of an existing PostgreSQL and Redis.</summary>
    public static string? External(StackSettings s) =>
        s.DataServices == DataServicesMode.External ? null : $"dataServices is {(s.DataServices == DataServicesMode.Aws ? "aws" : "inCluster")}: this stack declares its own PostgreSQL and Redis";

    /// <summary>Passwords from existing Secrets: not on AWS, where RDS and ElastiCache take theirs from Pulumi.</summary>
    public static string? NotOnAws(StackSettings s) =>
        s.DataServices == DataServicesMode.Aws ? "dataServices is aws: RDS's master password and ElastiCache's AUTH tokens are set by this program from Pulumi.Random, which an existing Kubernetes Secret cannot feed" : null;

    /// <summary>Keys of OAuth sign-in.</summary>
    public static string? WithOAuth(StackSettings s) => s.Auth.Type == AuthType.OAuth ? null : $"auth.type is {s.Auth.Type.ToString().ToLowerInvariant()}: no OAuth provider is registered";

    /// <summary>Keys of LDAP sign-in.</summary>
    public static string? WithLdap(StackSettings s) => s.Auth.Type == AuthType.Ldap ? null : $"auth.type is {s.Auth.Type.ToString().ToLowerInvariant()}: no LDAP directory is read";

    /// <summary>Keys of sign-in through a provider or directory.</summary>
    public static string? WithExternalAuth(StackSettings s) =>
        s.Auth.Type == AuthType.Database ? "auth.type is database: users exist only in the metadata database, nobody registers or gets roles from groups" : null;

    /// <summary>The role of self-registered users.</summary>
    public static string? WithUserRegistration(StackSettings s) =>
        WithExternalAuth(s) ?? (s.Auth.UserRegistration ? null : "auth.userRegistration is false: nobody registers");

    /// <summary>Slack's token.</summary>
    public static string? WithSlack(StackSettings s) => WithReports(s) ?? (s.Reports.Slack ? null : "reports.slack.enabled is false: no report goes to Slack");

    /// <summary>Keys of Flower beyond its switch.</summary>
    public static string? WithFlower(StackSettings s) => s.Flower.Enabled ? null : "flower.enabled is false: no Flower is deployed";

    /// <summary>Keys of global async queries beyond its switch.</summary>
    public static string? WithAsyncQueries(StackSettings s) =>
        s.AsyncQueries.Enabled ? null : "asyncQueries.enabled is false: chart queries run in the web tier";

    /// <summary>The websocket server's image.</summary>
    public static string? WithWebsocket(StackSettings s) =>
        WithAsyncQueries(s) ?? (s.AsyncQueries.Transport == "ws" ? null : "asyncQueries.transport is polling: no websocket server is deployed");

    /// <summary>Keys of alerts and reports beyond their switch.</summary>
    public static string? WithReports(StackSettings s) => s.Reports.Enabled ? null : "reports.enabled is false: no report is sent";

    /// <summary>The SMTP password.</summary>
    public static string? WithSmtpUser(StackSettings s) =>
        WithReports(s) ?? (s.Reports.Smtp?.User is null ? "reports.smtp.user is not set: the SMTP server is used without authentication" : null);

    /// <summary>KEDA's own timing of a pool.</summary>
    public static string? WithKeda(StackSettings s) =>
        s.Autoscaling.Engine == AutoscalingEngine.Keda ? null : "autoscaling.engine is hpa: no ScaledObject polls the queue, the HPA reads prometheus-adapter's metric";

    /// <summary>A pool's working hours: a KEDA cron trigger; an HPA has no schedule.</summary>
    public static string? WithKedaSchedule(StackSettings s) =>
        s.Autoscaling.Engine == AutoscalingEngine.Keda ? null : "autoscaling.engine is hpa: working hours are a KEDA cron trigger on the pool's ScaledObject, and an HPA has no schedule (set autoscaling.engine: keda to use them)";

    /// <summary>KEDA's namespace.</summary>
    public static string? WithKedaNamespace(StackSettings s) =>
        s.Autoscaling.Engine == AutoscalingEngine.Keda || s.Autoscaling.InstallKeda ? null : "autoscaling.engine is hpa and installKeda is false: KEDA is neither used nor installed";

    /// <summary>The release label ServiceMonitors and rules carry.</summary>
    public static string? WithMonitoring(StackSettings s) =>
        s.Monitoring.Enabled || s.Monitoring.InstallStack ? null : "monitoring.enabled and installStack are false: no ServiceMonitor or PrometheusRule is declared";

    /// <summary>Keys of an Ingress object: not with a Gateway (an HTTPRoute instead), nor with controller none.</summary>
    public static string? WithIngressObject(StackSettings s) =>
        WithoutGateway(s) ?? (s.Ingress.Controller == "none" ? "ingress.controller is none: no Ingress is declared" : null);

    /// <summary>The controller's choice: not with a Gateway.</summary>
    public static string? WithoutGateway(StackSettings s) =>
        s.Ingress.Gateway is null ? null : "ingress.gateway is set: an HTTPRoute attaches to the Gateway, no Ingress is declared";

    /// <summary>The IngressClass: an Ingress a controller in the cluster serves (ALB's class is alb).</summary>
    public static string? WithIngressClass(StackSettings s) => WithIngressObject(s);

    /// <summary>A Kubernetes TLS Secret: NGINX and Traefik read one; an ALB takes an ACM certificate.</summary>
    public static string? WithTlsSecret(StackSettings s) =>
        WithIngressObject(s) ?? (s.Ingress.Controller == "alb" ? "ingress.controller is alb: the ALB terminates TLS with ingress.certificateArn, not a Secret" : null);

    /// <summary>The AWS Load Balancer Controller's keys.</summary>
    public static string? WithAlb(StackSettings s) =>
        WithIngressObject(s) ?? (s.Ingress.Controller == "alb" ? null : "ingress.controller is not alb");

    /// <summary>Installing ingress-nginx: only with controller nginx.</summary>
    public static string? WithNginx(StackSettings s) =>
        WithIngressObject(s) ?? (s.Ingress.Controller == "nginx" ? null : $"ingress.controller is {s.Ingress.Controller}: the pinned chart is ingress-nginx's");

    /// <summary>A controller or gateway whose pods run in the cluster (not an ALB, not none).</summary>
    public static string? WithControllerPods(StackSettings s) =>
        s.Ingress.Gateway is not null || s.Ingress.Controller is "nginx" or "traefik" ? null : $"ingress.controller is {s.Ingress.Controller}: no controller pod in the cluster connects to the web pods";

    /// <summary>Source addresses: an ALB in IP mode, or a LoadBalancer Service with no Ingress.</summary>
    public static string? WithLoadBalancerSource(StackSettings s) =>
        s.Ingress.Gateway is null && (s.Ingress.Controller == "alb" || (s.Ingress.Controller == "none" && s.Web.Service.Type == "LoadBalancer"))
            ? null
            : "the web pods are reached through an in-cluster controller or gateway (ingress.controller alb, or none with web.service.type LoadBalancer, takes source CIDRs)";

    /// <summary>gunicorn's jitter.</summary>
    public static string? WithRequestRecycling(StackSettings s) =>
        s.Web.Recycling.MaxRequests > 0 ? null : "web.maxRequests is 0: gunicorn recycles no process, so it has nothing to jitter";
}
