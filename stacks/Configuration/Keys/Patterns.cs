namespace Superset.Configuration.Keys;

/// <summary>The regular expressions of the registry (ECMAScript-compatible: the JSON Schema carries them too).</summary>
public static class Patterns
{
    /// <summary>A DNS-1123 label: what Kubernetes accepts as a namespace or a name part (at most 63 characters, <see cref="ConfigKey.MaxLength"/>).</summary>
    public const string DnsLabel = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A DNS name of such labels.</summary>
    public const string DnsName = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>An image pinned by tag or digest (repository:tag or repository@sha256:…); <c>:latest</c> is refused apart.</summary>
    public const string PinnedImage = "^[a-z0-9]+([._/:-][a-z0-9]+)*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|@sha256:[a-f0-9]{64})$";

    /// <summary>
    /// A Helm release name: a DNS-1123 subdomain (helm/helm pkg/chartutil/validate_name.go, Helm 3:
    /// validName), at most 53 characters (maxReleaseNameLen).
    /// </summary>
    public const string HelmReleaseName = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>
    /// A label or annotation key: an optional DNS-subdomain prefix and '/', then a name of letters,
    /// digits, '-', '_' and '.' starting and ending with a letter or digit (kubernetes/apimachinery
    /// pkg/util/validation/validation.go@v0.36.1, IsQualifiedName).
    /// </summary>
    public const string QualifiedName = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$";

    /// <summary>A label value: empty, or up to 63 letters, digits, '-', '_' and '.' starting and ending with a letter or digit (IsValidLabelValue, same file).</summary>
    public const string LabelValue = "^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$";

    /// <summary>An IPv4 CIDR block, e.g. 10.0.0.0/16.</summary>
    public const string Ipv4Cidr = "^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])/(3[0-2]|[12]?[0-9])$";

    /// <summary>An ACM certificate ARN.</summary>
    public const string AcmCertificateArn = "^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+$";

    /// <summary>A Gateway API hostname, a wildcard first label allowed (kubernetes-sigs/gateway-api apis/v1/shared_types.go@v1.4.0, Hostname).</summary>
    public const string GatewayHostname = "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>An AWS region code, e.g. eu-west-1.</summary>
    public const string AwsRegion = "^[a-z]{2}(-gov)?-[a-z]+-[0-9]+$";

    /// <summary>An EC2 instance type, e.g. m6i.2xlarge.</summary>
    public const string Ec2InstanceType = "^[a-z][a-z0-9-]*\\.[a-z0-9]+$";

    /// <summary>An SNS topic ARN.</summary>
    public const string SnsTopicArn = "^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$";

    /// <summary>A PostgreSQL major version, e.g. 16 (RDS picks and upgrades the minor: docs/configure.md).</summary>
    public const string PostgresMajorVersion = "^[0-9]{2}$";

    /// <summary>A host name (SMTP server).</summary>
    public const string HostName = "^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$";

    /// <summary>An e-mail address, loosely: local part, @, domain.</summary>
    public const string MailAddress = "^[^@\\s\"']+@[A-Za-z0-9.-]+$";

    /// <summary>A user name without spaces.</summary>
    public const string NoSpaces = "^\\S+$";

    /// <summary>A Celery task name as Superset registers them (<c>sql_lab.get_sql_results</c>, <c>cache-warmup</c>).</summary>
    public const string TaskName = "^[A-Za-z_][A-Za-z0-9_.-]*$";

    /// <summary>An absolute path.</summary>
    public const string AbsolutePath = "^/";

    /// <summary>An AWS resource id with the given prefix: 8 or 17 hex digits.</summary>
    public static string AwsId(string prefix) => $"^{prefix}-([0-9a-f]{{8}}|[0-9a-f]{{17}})$";
}
