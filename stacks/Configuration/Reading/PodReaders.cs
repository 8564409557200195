using System.Text.Json;
using System.Text.Json.Nodes;
using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads what a platform sets on the pods (<see cref="PodSettings"/>): placement objects, the service
/// account, pull secrets, the fixed pods' sizes, pod additions and the data services' volumes. The
/// objects are the features' own (<c>flower</c>, <c>monitoring</c>, <c>database</c>…): each reader
/// reads its own fields of them, and their unknown fields are refused once, by their first reader.
/// </summary>
internal static class PodReaders
{
    /// <summary>A scheduling object (<c>scheduling</c>, <c>web.scheduling</c>, …): its five fields.</summary>
    public static PodPlacement Placement(ObjectReader r)
    {
        var result = new PodPlacement(
            r.StringMap(r.KeyNamed("nodeSelector")),
            r.Kubernetes(r.KeyNamed("tolerations")),
            r.Kubernetes(r.KeyNamed("affinity")),
            r.Kubernetes(r.KeyNamed("topologySpreadConstraints")),
            r.NullableString(r.KeyNamed("priorityClassName")));
        r.RejectUnknown();
        return result;
    }

    public static PodSettings Read(IConfigSource source, List<SettingsError> errors)
    {
        ObjectReader Of(ConfigKey key) => ObjectReader.ForKey(source, key, errors);
        var beat = Of(PodKeys.Beat);
        var init = Of(PodKeys.Init);
        var services = Of(PodKeys.Services);
        var account = Of(PodKeys.ServiceAccount);
        var monitoring = Of(PlatformKeys.Monitoring);
        var settings = new PodSettings
        {
            Scheduling = Placement(Of(SchedulingKeys.Default)),
            ServicesScheduling = Placement(services.Child(SchedulingKeys.Services)),
            Beat = new FixedPod(Size(beat, PodKeys.BeatSize, new PodResources(100, 512)), Placement(beat.Child(SchedulingKeys.Beat))),
            // Migrations need more than beat, less than a web pod.
            Init = new FixedPod(Size(init, PodKeys.InitSize, new PodResources(500, 1024)), Placement(init.Child(SchedulingKeys.Init))),
            Services = new ServicePods(
                Flower: Size(Of(FeatureKeys.Flower), PodKeys.FlowerSize, new PodResources(100, 256)),
                Websocket: Size(Of(FeatureKeys.AsyncQueries), PodKeys.WebsocketSize, new PodResources(100, 256)),
                CeleryExporter: Size(monitoring.Child(PodKeys.CeleryExporter), PodKeys.ExporterSizes.Take(2).ToList(), new PodResources(100, 256)),
                PostgresExporter: Size(monitoring.Child(PodKeys.PostgresExporter), PodKeys.ExporterSizes.Skip(2).Take(2).ToList(), new PodResources(50, 128)),
                RedisExporter: Size(monitoring.Child(PodKeys.RedisExporter), PodKeys.ExporterSizes.Skip(4).ToList(), new PodResources(50, 64))),
            ServiceAccount = new ServiceAccountSettings(
                account.Bool(PodKeys.ServiceAccountCreate, true),
                account.String(PodKeys.ServiceAccountName, "superset"),
                account.StringMap(PodKeys.ServiceAccountAnnotations)),
            ImagePullSecrets = TopLevelList(source, PodKeys.ImagePullSecrets, errors),
            Overrides = PodOverrideReader.Read(Of(PodOverrideKeys.Object)),
            Storage = new DataStorage(
                Volume(Of(DataKeys.Database), PodKeys.DatabaseStorage, 10),
                // The broker's append-only file; the metadata database holds dashboards, not data.
                Volume(Of(DataKeys.Redis).Child(DataKeys.Broker), PodKeys.BrokerStorage, 2)),
        };
        foreach (var r in new[] { beat, init, services, account })
        {
            r.RejectUnknown();
        }

        return settings;
    }

    private static PodResources Size(ObjectReader r, IReadOnlyList<ConfigKey> keys, PodResources fallback) =>
        new(r.Int(keys[0], fallback.CpuMillis), r.Int(keys[1], fallback.MemoryMi));

    private static VolumeSettings Volume(ObjectReader r, IReadOnlyList<ConfigKey> keys, int fallbackGi) =>
        new(r.Int(keys[0], fallbackGi), r.NullableString(keys[1]));

    /// <summary>A top-level list of texts (Pulumi hands it over as JSON), each one the key accepts.</summary>
    private static IReadOnlyList<string> TopLevelList(IConfigSource source, ConfigKey key, List<SettingsError> errors)
    {
        var raw = source.Get(key.Path);
        if (raw is null or "null")
        {
            return [];
        }

        try
        {
            if (JsonNode.Parse(raw) is JsonArray array && array.All(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.String && key.Accepts(v.GetValue<string>())))
            {
                return array.Select(e => e!.GetValue<string>()).ToList();
            }
        }
        catch (JsonException)
        {
            // refused below
        }

        errors.Add(new SettingsError($"{StackFile.Namespace}:{key.Path}", ObjectReader.Show(raw), $"a list of {key.Expected}"));
        return [];
    }
}
