using System.Globalization;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;
using Superset.Planning;
using ElastiCache = Pulumi.Aws.ElastiCache;
using Rds = Pulumi.Aws.Rds;

namespace Superset.Components.Aws;

/// <summary>
/// Superset's data services on AWS, inside the EKS cluster's VPC: RDS PostgreSQL with the plan's
/// max_connections, and two ElastiCache replication groups, the broker (noeviction) and the cache
/// (allkeys-lru), each with its own parameter group. Only the cluster's security group may connect;
/// everything is encrypted; the master password and AUTH tokens come from Pulumi.Random.
/// </summary>
public sealed class AwsDataTier : ComponentResource
{
    /// <summary>Pulumi type token.</summary>
    public const string TypeToken = "superset:aws:AwsDataTier";

    /// <summary>The type token before it matched the class name (an alias keeps existing stacks' resources).</summary>
    public const string FormerTypeToken = "superset:aws:DataTier";

    /// <summary>Database name and master user.</summary>
    public const string DatabaseName = "superset";

    /// <summary>ElastiCache engine version (Redis OSS 7: the parameter group family redis7).</summary>
    public const string RedisEngineVersion = "7.1";

    /// <summary>Creates the network access, database and caches.</summary>
    public AwsDataTier(string name, AwsDataTierArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, FormerTypes.Alias(options, FormerTypeToken))
    {
        ArgumentNullException.ThrowIfNull(args);
        var s = args.Plan.Aws ?? throw new ArgumentException("the plan has no AWS data tier (dataServices is inCluster)", nameof(args));
        var plan = args.Plan;
        var vpcId = s.VpcId ?? throw new ArgumentException("superset:aws.vpcId is required", nameof(args));
        var clientSg = s.ClientSecurityGroupId ?? throw new ArgumentException("superset:aws.clientSecurityGroupId is required", nameof(args));
        var parent = new CustomResourceOptions { Parent = this };
        // The data: deletion protection in AWS and in Pulumi (a `pulumi destroy` stops at it).
        var keep = new CustomResourceOptions { Parent = this, Protect = s.ProtectData };
        var tags = new InputMap<string>();
        foreach (var (k, v) in args.Tags)
        {
            tags.Add(k, v);
        }

        SecurityGroup Admit(string role, int port) => new($"{name}-{role}-sg", new SecurityGroupArgs
        {
            VpcId = vpcId,
            Description = $"Superset {role}: port {port} from the cluster only",
            Ingress =
            {
                new SecurityGroupIngressArgs { Protocol = "tcp", FromPort = port, ToPort = port, SecurityGroups = { clientSg }, Description = "EKS nodes/pods" },
            },
            Tags = tags,
        }, parent);

        // ---- metadata database --------------------------------------------------------------
        var dbSg = Admit("postgresql", 5432);
        var dbSubnets = new Rds.SubnetGroup($"{name}-db-subnets", new Rds.SubnetGroupArgs
        {
            SubnetIds = s.PrivateSubnetIds.ToArray(),
            Description = "Superset metadata database: the cluster's private subnets",
            Tags = tags,
        }, parent);
        var major = s.PostgresVersion.Split('.')[0];
        var dbParameters = new Rds.ParameterGroup($"{name}-db-params", new Rds.ParameterGroupArgs
        {
            Family = $"postgres{major}",
            Description = "Superset: max_connections from the plan's connection budget",
            Parameters =
            {
                // Static parameter: applied at the next reboot (RDS user guide, "Parameter groups").
                new Rds.Inputs.ParameterGroupParameterArgs
                {
                    Name = "max_connections",
                    Value = plan.Database.MaxConnections.ToString(CultureInfo.InvariantCulture),
                    ApplyMethod = "pending-reboot",
                },
                new Rds.Inputs.ParameterGroupParameterArgs { Name = "rds.force_ssl", Value = "1", ApplyMethod = "pending-reboot" },
            },
            Tags = tags,
        }, parent);
        var dbArgs = new Rds.InstanceArgs
        {
            Engine = "postgres",
            EngineVersion = s.PostgresVersion,
            InstanceClass = plan.Database.InstanceClass ?? throw new ArgumentException("the plan has no instance class", nameof(args)),
            AllocatedStorage = s.AllocatedStorageGb,
            // Storage grows on its own up to 4× before anyone is paged for it.
            MaxAllocatedStorage = s.AllocatedStorageGb * 4,
            StorageType = "gp3",
            StorageEncrypted = true,
            MultiAz = s.MultiAz,
            DbName = DatabaseName,
            Username = DatabaseName,
            Password = args.DatabasePassword,
            DbSubnetGroupName = dbSubnets.Name,
            VpcSecurityGroupIds = { dbSg.Id },
            ParameterGroupName = dbParameters.Name,
            PubliclyAccessible = false,
            BackupRetentionPeriod = s.BackupRetentionDays,
            CopyTagsToSnapshot = true,
            PerformanceInsightsEnabled = true,
            AutoMinorVersionUpgrade = true,
            DeletionProtection = s.ProtectData,
            SkipFinalSnapshot = !s.ProtectData,
            Tags = tags,
        };
        if (s.ProtectData)
        {
            dbArgs.FinalSnapshotIdentifier = $"{name}-final-snapshot";
        }

        var db = new Rds.Instance($"{name}-db", dbArgs, keep);

        // ---- broker and cache ---------------------------------------------------------------
        var redisSg = Admit("redis", 6379);
        var cacheSubnets = new ElastiCache.SubnetGroup($"{name}-redis-subnets", new ElastiCache.SubnetGroupArgs
        {
            SubnetIds = s.PrivateSubnetIds.ToArray(),
            Description = "Superset broker and cache: the cluster's private subnets",
            Tags = tags,
        }, parent);

        ElastiCache.ReplicationGroup Redis(RedisPlan role, Output<string> token)
        {
            var parameters = new ElastiCache.ParameterGroup($"{name}-{role.Name}-params", new ElastiCache.ParameterGroupArgs
            {
                Family = "redis7",
                Description = $"Superset {role.Name}: maxmemory-policy {role.MaxMemoryPolicy}",
                Parameters =
                {
                    new ElastiCache.Inputs.ParameterGroupParameterArgs { Name = "maxmemory-policy", Value = role.MaxMemoryPolicy },
                    new ElastiCache.Inputs.ParameterGroupParameterArgs
                    {
                        Name = "reserved-memory-percent",
                        Value = role.ReservedMemoryPercent.ToString(CultureInfo.InvariantCulture),
                    },
                },
                Tags = tags,
            }, parent);
            return new ElastiCache.ReplicationGroup($"{name}-{role.Name}", new ElastiCache.ReplicationGroupArgs
            {
                Description = $"Superset {role.Name}",
                Engine = "redis",
                EngineVersion = RedisEngineVersion,
                NodeType = role.NodeType ?? throw new ArgumentException($"the plan has no node type for {role.Name}", nameof(args)),
                Port = 6379,
                // Failover needs a replica; Multi-AZ puts it in another zone.
                NumCacheClusters = role.NodesPerGroup ?? throw new ArgumentException($"the plan has no node count for {role.Name}", nameof(args)),
                AutomaticFailoverEnabled = s.MultiAz,
                MultiAzEnabled = s.MultiAz,
                ParameterGroupName = parameters.Name,
                SubnetGroupName = cacheSubnets.Name,
                SecurityGroupIds = { redisSg.Id },
                AtRestEncryptionEnabled = true,
                // An AUTH token requires in-transit encryption (ElastiCache user guide, "AUTH").
                TransitEncryptionEnabled = true,
                AuthToken = token,
                // The broker's queued tasks survive a node loss through the replica; a daily
                // snapshot lets an operator recover from worse. The cache needs none.
                SnapshotRetentionLimit = role.Persistent ? 7 : 0,
                Tags = tags,
            }, role.Persistent ? keep : parent);
        }

        var broker = Redis(plan.Broker, args.BrokerAuthToken);
        var cache = Redis(plan.Cache, args.CacheAuthToken);

        DatabaseAddress = db.Address;
        DatabaseIdentifier = db.Identifier;
        BrokerAddress = broker.PrimaryEndpointAddress;
        CacheAddress = cache.PrimaryEndpointAddress;
        BrokerGroupId = broker.Id;
        CacheGroupId = cache.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["databaseAddress"] = DatabaseAddress,
            ["brokerAddress"] = BrokerAddress,
            ["cacheAddress"] = CacheAddress,
            ["databaseIdentifier"] = DatabaseIdentifier,
            ["brokerGroupId"] = BrokerGroupId,
            ["cacheGroupId"] = CacheGroupId,
        });
    }

    /// <summary>RDS endpoint host.</summary>
    [Output]
    public Output<string> DatabaseAddress { get; private set; }

    /// <summary>RDS instance identifier (CloudWatch dimension).</summary>
    [Output]
    public Output<string> DatabaseIdentifier { get; private set; }

    /// <summary>Broker primary endpoint.</summary>
    [Output]
    public Output<string> BrokerAddress { get; private set; }

    /// <summary>Cache primary endpoint.</summary>
    [Output]
    public Output<string> CacheAddress { get; private set; }

    /// <summary>Broker replication group id (CloudWatch dimension).</summary>
    [Output]
    public Output<string> BrokerGroupId { get; private set; }

    /// <summary>Cache replication group id.</summary>
    [Output]
    public Output<string> CacheGroupId { get; private set; }
}
