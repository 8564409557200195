using Pulumi;
using Superset.Planning.Workloads;

namespace Superset.Components.Kubernetes;

/// <summary>How Superset's pods reach one Redis role. The password is in the credentials Secret.</summary>
/// <param name="Host">Service DNS name (in the cluster) or ElastiCache primary endpoint.</param>
/// <param name="Port">Redis port.</param>
/// <param name="Tls">Whether to connect with TLS (<c>rediss://</c>): ElastiCache in-transit encryption.</param>
/// <param name="Db">The role's database: the broker's, or the first of the cache's three (0 unless dataServices is external).</param>
public sealed record RedisConnection(Input<string> Host, int Port, bool Tls, int Db = 0)
{
    /// <summary>
    /// The Redis URL a client container reads (<c>redis://</c>, or <c>rediss://</c> with certificate
    /// checks under TLS). With <paramref name="passwordVariable"/> the password is the kubelet's
    /// <c>$(VAR)</c> expansion of another env var, so it never appears in the manifest; without it the
    /// URL carries no credentials.
    /// </summary>
    public Output<string> Url(string? passwordVariable = null, int? db = null)
    {
        var scheme = Tls ? "rediss" : "redis";
        var auth = passwordVariable is null ? "" : $":$({passwordVariable})@";
        var path = db is int d ? $"/{d.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "";
        var query = Tls && db is not null ? "?ssl_cert_reqs=required" : "";
        return Output.Format($"{scheme}://{auth}{Host}:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}{path}{query}");
    }
}

/// <summary>
/// Where the metadata database, broker and cache are, whichever data services the stack uses.
/// In-cluster services and the AWS data tier both produce one; the Superset components read only this.
/// </summary>
public sealed record DataConnections
{
    /// <summary>PostgreSQL host.</summary>
    public required Input<string> DatabaseHost { get; init; }

    /// <summary>PostgreSQL port.</summary>
    public int DatabasePort { get; init; } = 5432;

    /// <summary>Database name.</summary>
    public string DatabaseName { get; init; } = "superset";

    /// <summary>Database user.</summary>
    public string DatabaseUser { get; init; } = "superset";

    /// <summary>libpq sslmode: <c>disable</c> in the cluster, <c>verify-full</c> on RDS.</summary>
    public required string DatabaseSslMode { get; init; }

    /// <summary>libpq sslrootcert: the CA bundle in the image that verify-full checks the server against; null when TLS is off.</summary>
    public string? DatabaseSslRootCert { get; init; }

    /// <summary>The credentials Secret holds the SMTP password of email reports (<see cref="CredentialKeys.SmtpPassword"/>).</summary>
    public bool SmtpPasswordInSecret { get; init; }

    /// <summary>The Celery broker Redis (noeviction).</summary>
    public required RedisConnection Broker { get; init; }

    /// <summary>The cache Redis (allkeys-lru).</summary>
    public required RedisConnection Cache { get; init; }

    /// <summary>The Secret holding every credential (<see cref="CredentialKeys"/>).</summary>
    public required Input<string> CredentialsSecret { get; init; }

    /// <summary>Digest of the credentials: an annotation on every pod that reads them, so a rotation rolls them.</summary>
    public required Input<string> CredentialsChecksum { get; init; }

    /// <summary>The Redis of a role: <c>broker</c> or <c>cache</c>.</summary>
    public RedisConnection Redis(string role) => role == "broker" ? Broker : Cache;

    /// <summary>
    /// Credentials kept in existing Secrets instead of the credentials Secret, by
    /// <see cref="CredentialKeys"/> key: the Secret's name and its data key.
    /// </summary>
    public IReadOnlyDictionary<string, (Input<string> Secret, string Key)> ExistingSecrets { get; init; } =
        new Dictionary<string, (Input<string>, string)>(StringComparer.Ordinal);

    /// <summary>Where a credential is: an existing Secret's key, or the credentials Secret under its own key.</summary>
    public (Input<string> Secret, string Key) Secret(string credentialKey) =>
        ExistingSecrets.TryGetValue(credentialKey, out var existing) ? existing : (CredentialsSecret, credentialKey);

    /// <summary>The team's environment variables and the secrets the program adds for sign-in and Slack.</summary>
    public SupersetEnvironment Environment { get; init; } = SupersetEnvironment.None;
}
