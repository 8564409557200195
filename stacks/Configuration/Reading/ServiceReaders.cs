using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>Reads the sizes of what Superset runs on: the formula's inputs, web, the database, Redis, AWS.</summary>
internal static class ServiceReaders
{
    public static SizingInputs Sizing(ObjectReader r, SizingInputs d)
    {
        var result = new SizingInputs(
            PeakConcurrentUsers: r.Int(SizingKeys.PeakConcurrentUsers, d.PeakConcurrentUsers),
            P95LatencyMs: r.Int(SizingKeys.P95LatencyMs, d.P95LatencyMs),
            CacheHitRate: r.Decimal(SizingKeys.CacheHitRate, d.CacheHitRate),
            SafetyMargin: r.Decimal(SizingKeys.SafetyMargin, d.SafetyMargin));
        r.RejectUnknown();
        return result;
    }

    public static WebSettings Web(ObjectReader r, WebSettings d)
    {
        var result = d with
        {
            Threads = r.Int(WebKeys.Threads, d.Threads),
            ProcessMemoryMi = r.Int(WebKeys.ProcessMemoryMi, d.ProcessMemoryMi),
            PodOverheadMi = r.Int(WebKeys.PodOverheadMi, d.PodOverheadMi),
            Pod = new PodResources(CpuMillis: r.Int(WebKeys.CpuMillis, d.Pod.CpuMillis), MemoryMi: r.Int(WebKeys.MemoryMi, d.Pod.MemoryMi)),
            MinReplicas = r.Int(WebKeys.MinReplicas, d.MinReplicas),
            MaxReplicas = r.NullableInt(WebKeys.MaxReplicas) ?? d.MaxReplicas,
            TimeoutSeconds = r.Int(WebKeys.TimeoutSeconds, d.TimeoutSeconds),
            Recycling = new RequestRecycling(MaxRequests: r.Int(WebKeys.MaxRequests, d.Recycling.MaxRequests), Jitter: r.Int(WebKeys.MaxRequestsJitter, d.Recycling.Jitter)),
            DbPoolOverflow = r.Int(WebKeys.DbPoolOverflow, d.DbPoolOverflow),
            Scheduling = PodReaders.Placement(r.Child(SchedulingKeys.Web)),
            Cost = PoolCostOf(r.Child(WebKeys.Cost)),
            Service = WebService(r.Child(WebKeys.Service)),
        };
        r.RejectUnknown();
        return result;
    }

    /// <summary>A pool's node pool (<c>web.cost</c>, <c>queues.&lt;name&gt;.cost</c>).</summary>
    public static PoolCost PoolCostOf(ObjectReader r)
    {
        var result = new PoolCost(r.NullableString(r.KeyNamed("nodeType")), r.Decimal(r.KeyNamed("spotDiscountPercent"), 0m));
        r.RejectUnknown();
        return result;
    }

    private static WebServiceSettings WebService(ObjectReader r)
    {
        var result = new WebServiceSettings(r.String(WebKeys.ServiceType, "ClusterIP"), r.StringMap(WebKeys.ServiceAnnotations));
        r.RejectUnknown();
        return result;
    }

    public static DatabaseSettings Database(ObjectReader r, DatabaseSettings d, DataServicesMode mode)
    {
        // The class is checked against the catalog only where RDS runs: in the cluster it is priced, never deployed.
        var instanceClass = mode == DataServicesMode.Aws ? r.String(DataKeys.InstanceClass, d.InstanceClass) : RawOrDefault(r, DataKeys.InstanceClass, d.InstanceClass);
        var result = new DatabaseSettings(
            InstanceClass: instanceClass,
            MemoryMi: r.Int(DataKeys.DatabaseMemoryMi, d.MemoryMi),
            MaxConnections: r.NullableInt(DataKeys.MaxConnections) ?? d.MaxConnections,
            BudgetFraction: r.Decimal(DataKeys.BudgetFraction, d.BudgetFraction),
            OtherClients: r.Int(DataKeys.OtherClients, d.OtherClients));
        r.RejectUnknown();
        return result;
    }

    public static RedisSettings Redis(ObjectReader r, RedisSettings d, DataServicesMode mode)
    {
        var result = new RedisSettings(
            RedisRole(r.Child(DataKeys.Broker), DataKeys.BrokerKeys, d.Broker, mode),
            RedisRole(r.Child(DataKeys.Cache), DataKeys.CacheKeys, d.Cache, mode));
        r.RejectUnknown();
        return result;
    }

    private static RedisRoleSettings RedisRole(ObjectReader r, IReadOnlyList<ConfigKey> keys, RedisRoleSettings d, DataServicesMode mode)
    {
        var (memory, nodeType, reserved) = (keys[0], keys[1], keys[2]);
        var result = new RedisRoleSettings(
            MemoryMi: r.Int(memory, d.MemoryMi),
            NodeType: mode == DataServicesMode.Aws ? r.String(nodeType, d.NodeType) : RawOrDefault(r, nodeType, d.NodeType),
            ReservedMemoryPercent: r.Int(reserved, d.ReservedMemoryPercent));
        r.RejectUnknown();
        return result;
    }

    /// <summary>A text key of the other mode: any text is kept as written (it is not used), anything else refused.</summary>
    private static string RawOrDefault(ObjectReader r, ConfigKey key, string fallback) =>
        r.String(key with { Check = null }, fallback);

    public static AwsSettings Aws(ObjectReader r, DataServicesMode mode, TierName tier, List<SettingsError> errors)
    {
        var result = new AwsSettings
        {
            VpcId = r.NullableString(AwsKeys.VpcId),
            PrivateSubnetIds = r.StringList(AwsKeys.PrivateSubnetIds),
            ClientSecurityGroupId = r.NullableString(AwsKeys.ClientSecurityGroupId),
            PostgresVersion = r.String(AwsKeys.PostgresVersionKey, AwsKeys.PostgresVersion),
            // Storage per tier: gp3's 20 GiB minimum for small; the metadata database stays small
            // (it holds dashboards, not data), query history and logs make it grow with users.
            AllocatedStorageGb = r.Int(AwsKeys.AllocatedStorageGb, tier switch { TierName.Small => 20, TierName.Medium => 100, _ => 400 }),
            BackupRetentionDays = r.Int(AwsKeys.BackupRetentionDays, 14),
            MultiAz = r.Bool(AwsKeys.MultiAz, tier != TierName.Small),
            ProtectData = r.Bool(AwsKeys.ProtectData, true),
            AlarmTopicArn = r.NullableString(AwsKeys.AlarmTopicArn),
        };
        r.RejectUnknown();

        if (mode == DataServicesMode.Aws)
        {
            if (result.VpcId is null)
            {
                errors.Add(new SettingsError(r.KeyOf(AwsKeys.VpcId), "(missing)", "the id of the EKS cluster's VPC (dataServices is aws)"));
            }

            if (result.PrivateSubnetIds.Count < 2)
            {
                errors.Add(new SettingsError(r.KeyOf(AwsKeys.PrivateSubnetIds), $"{result.PrivateSubnetIds.Count} subnets",
                    "at least two private subnets in different availability zones (RDS and ElastiCache subnet groups need two)"));
            }

            if (result.ClientSecurityGroupId is null)
            {
                errors.Add(new SettingsError(r.KeyOf(AwsKeys.ClientSecurityGroupId), "(missing)",
                    "the security group of the cluster's nodes or pods, the only source admitted to PostgreSQL and Redis"));
            }
        }

        return result;
    }
}
