using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads what the stack expects of its cluster (ingress, monitoring, autoscaling, kind) and the optional features.</summary>
internal static class PlatformReaders
{
    public static IngressSettings Ingress(ObjectReader r, List<SettingsError> errors) => IngressReader.Read(r, errors);

    public static MonitoringSettings Monitoring(ObjectReader r)
    {
        var installStack = r.Bool(PlatformKeys.InstallStack, false);
        var result = new MonitoringSettings(
            Namespace: r.String(PlatformKeys.MonitoringNamespace, "monitoring"),
            // kube-prometheus-stack's Helm release name when installed as its README shows.
            ReleaseLabel: r.String(PlatformKeys.ReleaseLabel, "kube-prometheus-stack"),
            Enabled: r.Bool(PlatformKeys.MonitoringEnabled, true),
            InstallStack: installStack,
            InstallMetricsServer: r.Bool(PlatformKeys.InstallMetricsServer, installStack));
        r.RejectUnknown();
        return result;
    }

    public static AutoscalingSettings Autoscaling(ObjectReader r)
    {
        var result = new AutoscalingSettings(
            r.String(PlatformKeys.Engine, "keda") == "hpa" ? AutoscalingEngine.Hpa : AutoscalingEngine.Keda,
            r.Bool(PlatformKeys.InstallKeda, false),
            r.String(PlatformKeys.KedaNamespace, PlatformKeys.DefaultKedaNamespace));
        r.RejectUnknown();
        return result;
    }

    public static ClusterKind Cluster(ObjectReader r, DataServicesMode mode)
    {
        var kind = r.String(PlatformKeys.Kind, mode == DataServicesMode.Aws ? "eks" : "local");
        r.RejectUnknown();
        return kind switch
        {
            "eks" => ClusterKind.Eks,
            "selfManaged" => ClusterKind.SelfManaged,
            _ => ClusterKind.Local,
        };
    }

    public static AsyncQuerySettings AsyncQueries(ObjectReader r, List<SettingsError> errors)
    {
        var result = new AsyncQuerySettings(
            Enabled: r.Bool(FeatureKeys.AsyncEnabled, true),
            Transport: r.String(FeatureKeys.Transport, "polling"),
            PollingDelayMs: r.Int(FeatureKeys.PollingDelayMs, 500),
            WebsocketImage: r.NullableString(FeatureKeys.WebsocketImage),
            WarmupDashboards: r.Int(FeatureKeys.WarmupDashboards, 5));
        r.RejectUnknown();
        if (result.Enabled && result.Transport == "ws" && result.WebsocketImage is null)
        {
            errors.Add(new SettingsError(r.KeyOf(FeatureKeys.WebsocketImage), "(missing)",
                "a superset-websocket image when transport is ws, or transport: polling"));
        }

        return result;
    }

    public static FlowerSettings Flower(ObjectReader r)
    {
        var result = new FlowerSettings(r.Bool(FeatureKeys.FlowerEnabled, false), r.Bool(FeatureKeys.FlowerIngress, false));
        r.RejectUnknown();
        return result;
    }
}
