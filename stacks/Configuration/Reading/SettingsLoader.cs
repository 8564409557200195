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
        var mode = top.String(Keys.TopLevelKeys.DataServices, "inCluster") switch
        {
            "aws" => DataServicesMode.Aws,
            "external" => DataServicesMode.External,
            _ => DataServicesMode.InCluster,
        };
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

        settings = WithCustomization(settings, source, errors);
        InertKeys.Check(present, settings, errors);
        CustomizationChecks.Check(settings, source, errors);
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
            // A key read by two readers (database, redis) reports a malformed object once.
            throw new SettingsException(source.Origin, Origins.Annotate(errors.Distinct().ToList(), settings));
        }

        return settings;
    }

    /// <summary>The team's additions, sign-in, external data services, credentials from Secrets, init (docs/customize.md, docs/sign-in.md, docs/external-data.md).</summary>
    private static StackSettings WithCustomization(StackSettings settings, IConfigSource source, List<SettingsError> errors)
    {
        var (database, redis, credentials) = ExternalDataReader.Read(source, settings, errors);
        var slack = ObjectReader.ForKey(source, FeatureKeys.Reports, errors).Child(FeatureKeys.Slack);
        var init = ObjectReader.ForKey(source, InitKeys.Object, errors);
        var slackEnabled = slack.Bool(FeatureKeys.SlackEnabled, false);
        slack.RejectUnknown();
        return settings with
        {
            Custom = CustomizationReader.Read(source, settings.Release, errors),
            Auth = AuthReader.Read(ObjectReader.ForKey(source, AuthKeys.Object, errors), source, errors),
            Database = database,
            Redis = redis,
            Credentials = credentials,
            Init = InitReader.Read(init),
            Pods = InitReader.FitOneProcess(settings.Pods, init, settings.Web.PodOverheadMi + settings.Web.ProcessMemoryMi),
            Reports = settings.Reports with { Slack = settings.Reports.Enabled && slackEnabled },
        };
    }

    /// <summary>The tier's pools at zero start at one pod under engine hpa (an HPA's floor); an explicit 0 is still refused there.</summary>
    private static IReadOnlyList<QueueSettings> HpaFloor(IReadOnlyList<QueueSettings> queues, AutoscalingEngine engine) =>
        engine == AutoscalingEngine.Hpa
            ? queues.Select(q => q.Replicas.Min == 0 ? q with { Replicas = q.Replicas with { Min = 1 } } : q).ToList()
            : queues;
}
