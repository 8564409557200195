using Superset.Catalog;

namespace Superset.Configuration.Keys;

/// <summary>The scalar keys at the top of <c>superset:</c>.</summary>
public static class TopLevelKeys
{
    /// <summary>The tier when <c>superset:tier</c> is absent (Pulumi.yaml declares the same default).</summary>
    public const string DefaultTier = "small";

    /// <summary><c>superset:tier</c>.</summary>
    public static readonly ConfigKey Tier = Define.Choice("tier", ["small", "medium", "large"],
        "Sizing tier: 50, 500 or 5,000 peak concurrent users (docs/sources/worker-sizing.md); supplies every default.",
        "one of small, medium, large (the sizing article's 50, 500 and 5,000 concurrent users)",
        s => s.Tier.ToString().ToLowerInvariant()) with { Default = DefaultTier };

    /// <summary><c>superset:namespace</c>.</summary>
    public static readonly ConfigKey Namespace = Define.Text("namespace", Patterns.DnsLabel,
        "Kubernetes namespace everything is deployed into (created, Pod Security restricted enforced).",
        "a Kubernetes namespace name: lowercase letters, digits and '-', at most 63 characters", s => s.Namespace) with { MaxLength = 63 };

    /// <summary><c>superset:dataServices</c>.</summary>
    public static readonly ConfigKey DataServices = Define.Choice("dataServices", ["inCluster", "aws", "external"],
        "inCluster: PostgreSQL and two Redis as pods (dev, no AWS account); aws: RDS PostgreSQL and two ElastiCache replication groups; external: an existing PostgreSQL and Redis (database.host, redis.broker.host, redis.cache.host).",
        "inCluster (PostgreSQL and Redis pods), aws (RDS and ElastiCache) or external (an existing PostgreSQL and Redis)",
        s => s.DataServices switch { DataServicesMode.Aws => "aws", DataServicesMode.External => "external", _ => "inCluster" });

    /// <summary><c>superset:image</c>.</summary>
    public static readonly ConfigKey Image = Define.Text("image", Patterns.PinnedImage,
        "Superset image, pinned by tag or digest, with a PostgreSQL driver (docker/Dockerfile); its tag names the Superset release.",
        "an image pinned by tag or digest (repository:tag or repository@sha256:…), not :latest, with a PostgreSQL driver (docker/Dockerfile)",
        s => s.Image) with { Check = v => !v.EndsWith(":latest", StringComparison.Ordinal) };

    /// <summary><c>superset:supersetVersion</c>.</summary>
    public static readonly ConfigKey SupersetVersion = Define.Choice("supersetVersion", SupersetReleases.All.Keys.Order(StringComparer.Ordinal).ToList(),
        "The Superset release of the image (stacks/Catalog/SupersetReleases.cs) when its tag names none, e.g. a digest; must agree with the tag otherwise.",
        "a Superset release in the catalog", null) with { DefaultText = "from the image tag" };

    /// <summary><c>superset:smtpPassword</c>: a secret.</summary>
    public static readonly ConfigKey SmtpPassword = new()
    {
        Path = "smtpPassword", Kind = ValueKind.String, Secret = true, DefaultText = "none",
        Description = "The SMTP password of email reports, required with reports.smtp.user: pulumi config set --secret superset:smtpPassword <password>.",
        InertWhen = Applies.WithSmtpUser,
    };
}
