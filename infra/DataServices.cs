using Pulumi;
using Superset.Artifacts;
using Superset.Artifacts.Monitoring;
using Superset.Components.Aws;
using Superset.Components.Kubernetes;
using Superset.Planning;
using Superset.Planning.Workloads;
using Superset.Planning.Workloads.Redis;

namespace Superset.Infra;

/// <summary>The metadata database, the broker and the cache: in the cluster (dev) or on AWS (prod).</summary>
internal static class DataServices
{
    /// <summary>Declares the data services; returns how Superset reaches them and what must exist first.</summary>
    public static (DataConnections Connections, Resource[] Dependencies) Declare(StackScope scope, SupersetCredentials credentials) =>
        scope.Plan.OnAws ? Aws(scope.Plan, scope.Stack, credentials) : InCluster(scope, credentials);

    private static (DataConnections Connections, Resource[] Dependencies) Aws(StackPlan plan, string stack, SupersetCredentials credentials)
    {
        var tier = new AwsDataTier("data", new AwsDataTierArgs
        {
            Plan = plan,
            DatabasePassword = credentials.DatabasePassword,
            BrokerAuthToken = credentials.BrokerPassword,
            CacheAuthToken = credentials.CachePassword,
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

    private static Dictionary<string, string> Tags(string stack) =>
        new() { ["app"] = "superset", ["stack"] = stack, ["managed-by"] = "pulumi" };

    private static (DataConnections Connections, Resource[] Dependencies) InCluster(StackScope scope, SupersetCredentials credentials)
    {
        var (plan, stack, ns, options) = (scope.Plan, scope.Stack, scope.Namespace, scope.InNamespace);
        var postgres = new PostgresServer("postgresql", new PostgresServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Database, CredentialsSecret = credentials.SecretName, Pods = plan.Pods,
        }, options);
        var broker = new RedisServer("redis-broker", new RedisServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Broker, CredentialsSecret = credentials.SecretName, PasswordKey = CredentialKeys.BrokerPassword,
            CredentialsChecksum = credentials.Checksum, Pods = plan.Pods,
        }, options);
        var cache = new RedisServer("redis-cache", new RedisServerArgs
        {
            Namespace = ns.Name, Instance = stack, Plan = plan.Cache, CredentialsSecret = credentials.SecretName, PasswordKey = CredentialKeys.CachePassword,
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
