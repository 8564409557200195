using Superset.Catalog;

namespace Superset.Configuration;

/// <summary>
/// Every setting of one stack, validated and with the tier's defaults filled in. Built only by
/// <c>Reading.SettingsLoader</c> from the keys of <c>Keys.ConfigKeys</c>; nothing downstream reads
/// config again.
/// </summary>
public sealed record StackSettings
{
    /// <summary>The sizing tier: it supplies every default.</summary>
    public required TierName Tier { get; init; }

    /// <summary>
    /// The keys the stack's config sets, by path below <c>superset:</c> (<c>queues.exports.minReplicas</c>):
    /// an error about any other value says where that value came from.
    /// </summary>
    public IReadOnlySet<string> Written { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The Kubernetes namespace everything is deployed into.</summary>
    public required string Namespace { get; init; }

    /// <summary>Where the database, broker and cache run.</summary>
    public required DataServicesMode DataServices { get; init; }

    /// <summary>The worker formula's inputs.</summary>
    public required SizingInputs Sizing { get; init; }

    /// <summary>The gunicorn web tier.</summary>
    public required WebSettings Web { get; init; }

    /// <summary>One Celery pool per queue, <c>default</c> first.</summary>
    public required IReadOnlyList<QueueSettings> Queues { get; init; }

    /// <summary>The metadata database.</summary>
    public required DatabaseSettings Database { get; init; }

    /// <summary>The broker and cache Redis.</summary>
    public required RedisSettings Redis { get; init; }

    /// <summary>How users reach the web tier.</summary>
    public required IngressSettings Ingress { get; init; }

    /// <summary>The Superset image, pinned by tag or digest.</summary>
    public required string Image { get; init; }

    /// <summary>The Superset release the image runs (stacks/Catalog/SupersetReleases.cs).</summary>
    public required SupersetRelease Release { get; init; }

    /// <summary>Where the AWS data tier goes (read in both modes, used with <see cref="DataServicesMode.Aws"/>).</summary>
    public required AwsSettings Aws { get; init; }

    /// <summary>Prometheus, exporters, alert rules.</summary>
    public required MonitoringSettings Monitoring { get; init; }

    /// <summary>The tier's Celery profile.</summary>
    public required CeleryProfile Celery { get; init; }

    /// <summary>The tier's cache timeouts.</summary>
    public required CacheTimeouts Caches { get; init; }

    /// <summary>Global async queries.</summary>
    public required AsyncQuerySettings AsyncQueries { get; init; }

    /// <summary>Flower.</summary>
    public required FlowerSettings Flower { get; init; }

    /// <summary>The kind of cluster the add-ons' values are for.</summary>
    public required ClusterKind Cluster { get; init; }

    /// <summary>What <c>plan</c> prices the stack with.</summary>
    public required CostSettings Cost { get; init; }

    /// <summary>Alerts and reports.</summary>
    public required ReportsSettings Reports { get; init; }

    /// <summary>The pools' autoscaling engine.</summary>
    public required AutoscalingSettings Autoscaling { get; init; }

    /// <summary>Config overrides, feature flags, environment, drivers.</summary>
    public CustomizationSettings Custom { get; init; } = CustomizationSettings.None;

    /// <summary>Sign-in.</summary>
    public AuthSettings Auth { get; init; } = AuthSettings.Database;

    /// <summary>Credentials from existing Secrets instead of Pulumi.Random.</summary>
    public CredentialSources Credentials { get; init; } = CredentialSources.Generated;

    /// <summary>The init Job's admin user and example data.</summary>
    public InitSettings Init { get; init; } = InitSettings.Default;
    /// <summary>Placement, identity, pull secrets, fixed pods' sizes, pod additions, volumes.</summary>
    public required PodSettings Pods { get; init; }
}
