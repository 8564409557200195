using Pulumi;
using Superset.Artifacts;
using Superset.Artifacts.Monitoring;
using Superset.Components.Aws;
using Superset.Components.Kubernetes;
using Superset.Planning;
using Superset.Planning.Workloads;
using Superset.Planning.Workloads.Redis;

namespace Superset.Infra;

/// <summary>
/// The metadata database, the broker and the cache: in the cluster (dev), on AWS (prod), or the
/// team's own (dataServices external, nothing declared). Credentials kept in existing Secrets are read
/// there; the team's environment and the sign-in secrets ride along (<see cref="SupersetEnvironments"/>).
/// </summary>
internal static class DataServices
{
    /// <summary>Declares the data services; returns how Superset reaches them and what must exist first.</summary>
    public static (DataConnections Connections, Resource[] Dependencies) Declare(StackScope scope, SupersetCredentials credentials)
    {
        var plan = scope.Plan;
        var existing = SupersetEnvironments.ExistingSecrets(plan);
        var (connections, dependencies) = plan.OnAws ? Aws(plan, scope.Stack, credentials)
            : plan.External ? External(plan, credentials)
            : InCluster(scope, credentials, existing);
        return (connections with { ExistingSecrets = existing, Environment = SupersetEnvironments.For(plan) }, dependencies);
    }

    private static (DataConnections Connections, Resource[] Dependencies) Aws(StackPlan plan, string stack, SupersetCredentials credentials)
    {
        var tier = new AwsDataTier("data", new AwsDataTierArgs
        {
            Plan = plan,
            // On AWS every password is generated (an existing Secret cannot feed RDS or ElastiCache: plan refuses one).
            DatabasePassword = credentials.DatabasePassword!,
            BrokerAuthToken = credentials.BrokerPassword!,
            CacheAuthToken = credentials.CachePassword!,
            Project = Deployment.Instance.ProjectName,
            Stack = stack,
            Tags = Tags(stack),
        });
        _ = new AwsAlarms("alarms", new AwsAlarmsArgs
        {
            Alarms = CloudWatchAlarms.For(plan, plan.Aws!.AllocatedStorageGb),
            DatabaseIdentifier = tier.DatabaseIdentifier,
            BrokerGroupId = tier.BrokerGroupId,
            CacheGroupId = tier.CacheGroupId,
            NodesPerGroup = plan.Broker.NodesPerGroup ?? 1,
            TopicArn = plan.Aws!.AlarmTopicArn,
            Tags = Tags(stack),
        });
        var connections = new DataConnections
        {
            DatabaseHost = tier.DatabaseAddress,
            // Encrypted and the server verified against RDS's CA bundle, which docker/Dockerfile puts
            // in the image (docs/configure.md, "Database TLS"): require alone would accept any certificate.
            DatabaseSslMode = "verify-full",
            DatabaseSslRootCert = SupersetEnv.RdsCaBundlePath,
            SmtpPasswordInSecret = plan.Reports.Smtp?.User is not null,
            Broker = new RedisConnection(tier.BrokerAddress, RedisWorkload.Port, Tls: true),
            Cache = new RedisConnection(tier.CacheAddress, RedisWorkload.Port, Tls: true),
            CredentialsSecret = credentials.SecretName,
            CredentialsChecksum = credentials.Checksum,
        };
        return (connections, [tier, credentials]);
    }

    /// <summary>The team's own PostgreSQL and Redis: nothing is declared, the pods connect where the plan says.</summary>
    private static (DataConnections Connections, Resource[] Dependencies) External(StackPlan plan, SupersetCredentials credentials)
    {
        var db = plan.Database.External!;
        var (broker, cache) = (plan.Broker.External!, plan.Cache.External!);
        var connections = new DataConnections
        {
            DatabaseHost = db.Host,
            DatabasePort = db.Port,
            DatabaseName = db.Name,
            DatabaseUser = db.User,
            DatabaseSslMode = db.SslMode,
            DatabaseSslRootCert = db.SslRootCert,
            SmtpPasswordInSecret = plan.Reports.Smtp?.User is not null,
            Broker = new RedisConnection(broker.Host, broker.Port, broker.Tls, broker.Db),
            Cache = new RedisConnection(cache.Host, cache.Port, cache.Tls, cache.Db),
            CredentialsSecret = credentials.SecretName,
            CredentialsChecksum = credentials.Checksum,
        };
        return (connections, [credentials]);
    }

    private static Dictionary<string, string> Tags(string stack) =>
        new() { ["app"] = "superset", ["stack"] = stack, ["managed-by"] = "pulumi" };

    private static (DataConnections Connections, Resource[] Dependencies) InCluster(StackScope scope, SupersetCredentials credentials,
        IReadOnlyDictionary<string, (Input<string> Secret, string Key)> existing)
    {
        var (plan, stack, ns, options) = (scope.Plan, scope.Stack, scope.Namespace, scope.InNamespace);
        (Input<string> Secret, string Key) SecretOf(string key) => existing.TryGetValue(key, out var e) ? e : (credentials.SecretName, key);
        var database = SecretOf(CredentialKeys.DatabasePassword);
        var postgres = new PostgresServer("postgresql", new PostgresServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Database, CredentialsSecret = database.Secret, PasswordKey = database.Key, Pods = plan.Pods,
        }, options);
        var brokerSecret = SecretOf(CredentialKeys.BrokerPassword);
        var broker = new RedisServer("redis-broker", new RedisServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Broker, CredentialsSecret = brokerSecret.Secret, PasswordKey = brokerSecret.Key,
            CredentialsChecksum = credentials.Checksum, Pods = plan.Pods,
        }, options);
        var cacheSecret = SecretOf(CredentialKeys.CachePassword);
        var cache = new RedisServer("redis-cache", new RedisServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Cache, CredentialsSecret = cacheSecret.Secret, PasswordKey = cacheSecret.Key,
            CredentialsChecksum = credentials.Checksum, Pods = plan.Pods,
        }, options);
        var connections = new DataConnections
        {
            DatabaseHost = postgres.Host,
            DatabaseSslMode = "disable", // pod-to-pod in one namespace, behind the NetworkPolicy
            SmtpPasswordInSecret = plan.Reports.Smtp?.User is not null,
            Broker = new RedisConnection(broker.Host, RedisWorkload.Port, Tls: false),
            Cache = new RedisConnection(cache.Host, RedisWorkload.Port, Tls: false),
            CredentialsSecret = credentials.SecretName,
            CredentialsChecksum = credentials.Checksum,
        };
        return (connections, [postgres, broker, cache, credentials]);
    }
}
