using Superset.Catalog;
using Superset.Configuration.Keys;
using Superset.Configuration.Tiers;

namespace Superset.Configuration.Reading;

/// <summary>
/// Turns raw config (a stack file or Pulumi's config) into validated <see cref="StackSettings"/>:
/// the tier supplies every default, each key present overrides it. Every problem is collected and
/// reported together with the key, the value and what would be valid.
/// </summary>
public static class SettingsLoader
{
    /// <summary>Every top-level key this program reads, without the <c>superset:</c> prefix.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = ConfigKeys.ChildrenOf("").Select(k => k.Path).ToList();

    /// <summary>Reads and validates; throws <see cref="SettingsException"/> with every problem found.</summary>
    public static StackSettings Load(IConfigSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<SettingsError>();
        var top = new TopLevelReader(source, errors);

        var tierText = top.String(Keys.TopLevelKeys.Tier, Keys.TopLevelKeys.DefaultTier);
        var tier = TierCatalog.ByConfigName[tierText];
        var defaults = TierCatalog.Get(tier);

        StackFileChecks.Check(source, TopLevelKeys, errors);

        var ns = top.String(Keys.TopLevelKeys.Namespace, "superset");
        var mode = top.String(Keys.TopLevelKeys.DataServices, "inCluster") == "aws" ? DataServicesMode.Aws : DataServicesMode.InCluster;
        var autoscaling = PlatformReaders.Autoscaling(ObjectReader.ForKey(source, PlatformKeys.Autoscaling, errors));
        var image = top.String(Keys.TopLevelKeys.Image, Images.Superset);
        var release = ReleaseReader.Resolve(image, source.Get(Keys.TopLevelKeys.SupersetVersion.Path), errors);
        var present = PresentKeys.Of(source);
        var settings = new StackSettings
        {
            Tier = tier,
            Written = present.Select(p => p.Path).ToHashSet(StringComparer.Ordinal),
            Namespace = ns,
            DataServices = mode,
            Sizing = ServiceReaders.Sizing(ObjectReader.ForKey(source, SizingKeys.Object, errors), defaults.Sizing),
            Web = ServiceReaders.Web(ObjectReader.ForKey(source, WebKeys.Object, errors), defaults.Web),
            Queues = QueueReader.Read(ObjectReader.ForKey(source, QueueKeys.Map, errors), HpaFloor(defaults.Queues, autoscaling.Engine),
                HpaFloor([defaults.CustomQueue], autoscaling.Engine)[0], errors),
            Database = ServiceReaders.Database(ObjectReader.ForKey(source, DataKeys.Database, errors), defaults.Database, mode),
            Redis = ServiceReaders.Redis(ObjectReader.ForKey(source, DataKeys.Redis, errors), defaults.Redis, mode),
            Ingress = PlatformReaders.Ingress(ObjectReader.ForKey(source, PlatformKeys.Ingress, errors), errors),
            Image = image,
            Release = release,
            Aws = ServiceReaders.Aws(ObjectReader.ForKey(source, AwsKeys.Object, errors), mode, tier, errors),
            Monitoring = PlatformReaders.Monitoring(ObjectReader.ForKey(source, PlatformKeys.Monitoring, errors)),
            Celery = defaults.Celery,
            Caches = defaults.Caches,
            AsyncQueries = PlatformReaders.AsyncQueries(ObjectReader.ForKey(source, FeatureKeys.AsyncQueries, errors), errors),
            Flower = PlatformReaders.Flower(ObjectReader.ForKey(source, FeatureKeys.Flower, errors)),
            Cluster = PlatformReaders.Cluster(ObjectReader.ForKey(source, PlatformKeys.Cluster, errors), mode),
            Cost = CostSettingsReader.Read(ObjectReader.ForKey(source, FeatureKeys.Cost, errors), source),
            Reports = ReportsReader.Read(ObjectReader.ForKey(source, FeatureKeys.Reports, errors), source, image, release, errors),
            Autoscaling = autoscaling,
            Pods = PodReaders.Read(source, errors),
        };

        InertKeys.Check(present, settings, errors);
        NamespaceChecks.Check(settings, errors);
        if (settings.Autoscaling.InstallKeda && settings.Autoscaling.Engine == AutoscalingEngine.Hpa && settings.Monitoring.InstallStack)
        {
            // KEDA's metrics server and prometheus-adapter both register v1beta1.external.metrics.k8s.io
            // (kedacore/charts keda/templates/metrics-server/apiservice.yaml@v2.20.2); one APIService, one owner.
            errors.Add(new SettingsError("superset:autoscaling.installKeda", "true",
                "false with autoscaling.engine hpa and monitoring.installStack: KEDA and prometheus-adapter would both register the APIService v1beta1.external.metrics.k8s.io; use engine keda (no adapter) or install KEDA without the adapter"));
        }

        if (errors.Count > 0)
        {
            throw new SettingsException(source.Origin, Origins.Annotate(errors, settings));
        }

        return settings;
    }

    /// <summary>The tier's pools at zero start at one pod under engine hpa (an HPA's floor); an explicit 0 is still refused there.</summary>
    private static IReadOnlyList<QueueSettings> HpaFloor(IReadOnlyList<QueueSettings> queues, AutoscalingEngine engine) =>
        engine == AutoscalingEngine.Hpa
            ? queues.Select(q => q.Replicas.Min == 0 ? q with { Replicas = q.Replicas with { Min = 1 } } : q).ToList()
            : queues;
}
