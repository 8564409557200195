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

    /// <summary>An environment variable name a shell and Python's os.environ both read (a C identifier).</summary>
    public const string EnvName = "^[A-Za-z_][A-Za-z0-9_]*$";

    /// <summary>Any text without a NUL character (an environment value, a Python text).</summary>
    public const string AnyText = "^[^\\u0000]*$";

    /// <summary>A label: letters, digits, '_', '.', '-', starting with a letter or digit (a config override's name).</summary>
    public const string Label = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";

    /// <summary>A Superset feature flag's name (upper case and '_').</summary>
    public const string FlagName = "^[A-Z][A-Z0-9_]*$";

    /// <summary>A key of a Kubernetes Secret's data (a valid ConfigMap/Secret key).</summary>
    public const string SecretDataKey = "^[-._a-zA-Z0-9]+$";

    /// <summary>An https:// URL without spaces.</summary>
    public const string HttpsUrl = "^https://[A-Za-z0-9][^\\s]*$";

    /// <summary>An LDAP server URL: ldap:// or ldaps://, a host, an optional port.</summary>
    public const string LdapUrl = "^ldaps?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?/?$";

    /// <summary>An LDAP distinguished name: attribute=value pairs separated by commas.</summary>
    public const string DistinguishedName = "^[A-Za-z][A-Za-z0-9-]*=[^,]+(,\\s*[A-Za-z][A-Za-z0-9-]*=[^,]+)*$";

    /// <summary>An LDAP attribute name.</summary>
    public const string LdapAttribute = "^[A-Za-z][A-Za-z0-9-]*$";

    /// <summary>An LDAP filter in parentheses.</summary>
    public const string LdapFilter = "^\\(.*\\)$";

    /// <summary>An OAuth scope token (RFC 6749, section 3.3: %x21 / %x23-5B / %x5D-7E).</summary>
    public const string OAuthScope = "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$";

    /// <summary>Text that does not start or end with a space (a name, a role).</summary>
    public const string Trimmed = "^\\S(.*\\S)?$";

    /// <summary>A PostgreSQL identifier as a database or user name.</summary>
    public const string PostgresName = "^[A-Za-z_][A-Za-z0-9_$-]*$";

    /// <summary>A Flask-AppBuilder user name.</summary>
    public const string UserName = "^[A-Za-z0-9_.@-]+$";

    /// <summary>An AWS resource id with the given prefix: 8 or 17 hex digits.</summary>
    public static string AwsId(string prefix) => $"^{prefix}-([0-9a-f]{{8}}|[0-9a-f]{{17}})$";
}
