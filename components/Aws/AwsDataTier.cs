using System.Globalization;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;
using Superset.Configuration;
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
        var tags = new InputMap<string>();
        foreach (var (k, v) in args.Tags)
        {
            tags.Add(k, v);
        }

        var c = new Scope(name, s, tags,
            s.VpcId ?? throw new ArgumentException("superset:aws.vpcId is required", nameof(args)),
            s.ClientSecurityGroupId ?? throw new ArgumentException("superset:aws.clientSecurityGroupId is required", nameof(args)),
            new CustomResourceOptions { Parent = this },
            // The data: deletion protection in AWS and in Pulumi (a `pulumi destroy` stops at it).
            new CustomResourceOptions { Parent = this, Protect = s.ProtectData });

        var db = Database(c, args.Plan, args.DatabasePassword, DbSnapshotIdentifier.FinalOf(args.Project, args.Stack));
        var redisSg = Admit(c, "redis", 6379);
        var cacheSubnets = new ElastiCache.SubnetGroup($"{name}-redis-subnets", new ElastiCache.SubnetGroupArgs
        {
            SubnetIds = s.PrivateSubnetIds.ToArray(),
            Description = "Superset broker and cache: the cluster's private subnets",
            Tags = tags,
        }, c.Parent);
        var broker = Redis(c, args.Plan.Broker, args.BrokerAuthToken, cacheSubnets, redisSg);
        var cache = Redis(c, args.Plan.Cache, args.CacheAuthToken, cacheSubnets, redisSg);

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

    /// <summary>What every child of the tier is created with.</summary>
    private sealed record Scope(string Name, AwsSettings Aws, InputMap<string> Tags, string VpcId, string ClientSecurityGroup,
        CustomResourceOptions Parent, CustomResourceOptions Keep);

    /// <summary>A security group admitting <paramref name="port"/> from the cluster's security group only.</summary>
    private static SecurityGroup Admit(Scope c, string role, int port) => new($"{c.Name}-{role}-sg", new SecurityGroupArgs
    {
        VpcId = c.VpcId,
        Description = $"Superset {role}: port {port} from the cluster only",
        Ingress =
        {
            new SecurityGroupIngressArgs { Protocol = "tcp", FromPort = port, ToPort = port, SecurityGroups = { c.ClientSecurityGroup }, Description = "EKS nodes/pods" },
        },
        Tags = c.Tags,
    }, c.Parent);

    /// <summary>The metadata database: its security group, subnet group, parameter group and instance.</summary>
    private static Rds.Instance Database(Scope c, StackPlan plan, Output<string> password, string finalSnapshot)
    {
        var s = c.Aws;
        var dbSg = Admit(c, "postgresql", 5432);
        var dbSubnets = new Rds.SubnetGroup($"{c.Name}-db-subnets", new Rds.SubnetGroupArgs
        {
            SubnetIds = s.PrivateSubnetIds.ToArray(),
            Description = "Superset metadata database: the cluster's private subnets",
            Tags = c.Tags,
        }, c.Parent);
        var major = s.PostgresVersion; // the major only: superset:aws.postgresVersion refuses a minor
        var dbParameters = new Rds.ParameterGroup($"{c.Name}-db-params", new Rds.ParameterGroupArgs
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
            Tags = c.Tags,
        }, c.Parent);
        var dbArgs = new Rds.InstanceArgs
        {
            Engine = "postgres",
            // The major version only: "If `autoMinorVersionUpgrade` is enabled, you can provide a
            // prefix of the version such as `8.0` (for `8.0.36`). The actual engine version used is
            // returned in the attribute `engineVersionActual`" (pulumi/pulumi-aws
            // sdk/nodejs/rds/instance.ts@v7.2.0, InstanceArgs.engineVersion; @pulumi/aws
            // rds/instance.d.ts@7.2.0). A pinned minor (16.4) would turn AWS's first automatic minor
            // upgrade into a downgrade at the next `pulumi up`; the prefix keeps matching 16.x.
            EngineVersion = major,
            InstanceClass = plan.Database.InstanceClass ?? throw new ArgumentException("the plan has no instance class", nameof(plan)),
            AllocatedStorage = s.AllocatedStorageGb,
            // Storage grows on its own up to 4× before anyone is paged for it.
            MaxAllocatedStorage = s.AllocatedStorageGb * 4,
            StorageType = "gp3",
            StorageEncrypted = true,
            MultiAz = s.MultiAz,
            DbName = DatabaseName,
            Username = DatabaseName,
            Password = password,
            DbSubnetGroupName = dbSubnets.Name,
            VpcSecurityGroupIds = { dbSg.Id },
            ParameterGroupName = dbParameters.Name,
            PubliclyAccessible = false,
            BackupRetentionPeriod = s.BackupRetentionDays,
            CopyTagsToSnapshot = true,
            PerformanceInsightsEnabled = true,
            // AWS owns the minor version (hence EngineVersion = the major only).
            AutoMinorVersionUpgrade = true,
            DeletionProtection = s.ProtectData,
            SkipFinalSnapshot = !s.ProtectData,
            Tags = c.Tags,
        };
        if (s.ProtectData)
        {
            // One per project and stack: snapshot identifiers are unique in an account and region,
            // so a name shared by every stack made the second stack's delete fail on the first's.
            dbArgs.FinalSnapshotIdentifier = finalSnapshot;
        }

        return new Rds.Instance($"{c.Name}-db", dbArgs, c.Keep);
    }

    /// <summary>One Redis role: its parameter group (maxmemory-policy per instance) and replication group.</summary>
    private static ElastiCache.ReplicationGroup Redis(Scope c, RedisPlan role, Output<string> token, ElastiCache.SubnetGroup subnets, SecurityGroup sg)
    {
        var parameters = new ElastiCache.ParameterGroup($"{c.Name}-{role.Name}-params", new ElastiCache.ParameterGroupArgs
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
            Tags = c.Tags,
        }, c.Parent);
        return new ElastiCache.ReplicationGroup($"{c.Name}-{role.Name}", new ElastiCache.ReplicationGroupArgs
        {
            Description = $"Superset {role.Name}",
            Engine = "redis",
            EngineVersion = RedisEngineVersion,
            NodeType = role.NodeType ?? throw new ArgumentException($"the plan has no node type for {role.Name}", nameof(role)),
            Port = 6379,
            // Failover needs a replica; Multi-AZ puts it in another zone.
            NumCacheClusters = role.NodesPerGroup ?? throw new ArgumentException($"the plan has no node count for {role.Name}", nameof(role)),
            AutomaticFailoverEnabled = c.Aws.MultiAz,
            MultiAzEnabled = c.Aws.MultiAz,
            ParameterGroupName = parameters.Name,
            SubnetGroupName = subnets.Name,
            SecurityGroupIds = { sg.Id },
            AtRestEncryptionEnabled = true,
            // An AUTH token requires in-transit encryption (ElastiCache user guide, "AUTH").
            TransitEncryptionEnabled = true,
            AuthToken = token,
            // The broker's queued tasks survive a node loss through the replica; a daily
            // snapshot lets an operator recover from worse. The cache needs none.
            SnapshotRetentionLimit = role.Persistent ? 7 : 0,
            Tags = c.Tags,
        }, role.Persistent ? c.Keep : c.Parent);
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
