using System.Globalization;
using Superset.Catalog.Prices;
using Superset.Configuration;
using Superset.Planning;
using Superset.Planning.Topology;
using Superset.Planning.Workloads;

namespace Superset.Analysis.Cost;

/// <summary>
/// Prices a plan at public on-demand list prices. Pods cost their share of a node: the larger of
/// their CPU request over the node's vCPUs and their memory request over its memory (what the
/// scheduler cannot give to another pod), times the node's hourly price. RDS costs its class (the
/// Multi-AZ rate with a standby) plus gp3 storage; each ElastiCache group its node type times its
/// nodes. Every item is priced at the autoscalers' minimum and at their maximum.
/// </summary>
public static class CostModel
{
    /// <summary>Hours in a month: the AWS Pricing Calculator's 365 × 24 / 12 (aws.amazon.com/calculator/calculator-assumptions).</summary>
    public const int HoursPerMonth = 730;

    /// <summary>Prices a plan; throws <see cref="SettingsException"/> naming every key whose value has no price.</summary>
    public static StackCost Price(StackPlan plan, string origin, PriceTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        table ??= PriceTable.Default;
        var c = plan.Cost;
        var errors = new List<SettingsError>();
        var region = Region(c, table, errors);
        if (region is null)
        {
            throw new SettingsException(origin, errors);
        }

        var used = new List<PriceRow>();
        var factor = 1m - (c.DiscountPercent / 100m);
        PriceRow? Lookup(string kind, string type, string key, string value, string what)
        {
            if (table.Find(region, kind, type) is { } row)
            {
                used.Add(row);
                return row;
            }

            errors.Add(new SettingsError(key, value, $"{what} with a price in {region}: {string.Join(", ", table.TypesOf(region, kind))} (stacks/Catalog/Prices/prices.csv)"));
            return null;
        }

        var node = Lookup("ec2", c.NodeType, CostSettings.NodeTypeKey, c.NodeType, "an EC2 instance type");
        var items = new List<CostItem>();
        var podHour = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var pods = WorkloadRegistry.Pods(plan);
        var ebs = pods.Any(p => p.VolumeGi > 0) ? Lookup("ebs", "gp3", c.RegionKey, region, "EBS gp3") : null;
        if (node is not null)
        {
            var nodeHour = node.Usd * factor;
            foreach (var p in pods)
            {
                var (share, why) = Share(p, node);
                if (share > 1m)
                {
                    errors.Add(new SettingsError(CostSettings.NodeTypeKey, c.NodeType,
                        $"a node type that holds the largest pod: {p.Name} asks {p.CpuMillis}m CPU and {p.MemoryMi} Mi, more than {c.NodeType}'s {node.Vcpu} vCPU and {node.MemoryGiB} GiB{Fitting(table, region, p)}"));
                    continue;
                }

                podHour[p.Name] = share * nodeHour;
                var volume = p.VolumeGi * (ebs?.Usd ?? 0m) * factor;
                var perPod = (share * nodeHour * HoursPerMonth) + volume;
                var basis = Invariant($"{Count(p)} × {share:0.####} of {c.NodeType} ({why}) × ${node.Usd}/h × {HoursPerMonth} h")
                    + (p.VolumeGi > 0 && ebs is not null ? Invariant($" + {p.VolumeGi} GiB gp3 × ${ebs.Usd}/GB-month") : "");
                items.Add(Item(p.Name, p.MinPods * perPod, p.MaxPods * perPod, basis, c.DiscountPercent));
            }
        }

        if (plan.Aws is { } aws)
        {
            var az = aws.MultiAz ? "-multi-az" : "";
            var dbClass = plan.Database.InstanceClass ?? throw new ArgumentException("an AWS plan has the RDS instance class", nameof(plan));
            if (Lookup("rds" + az, dbClass, "superset:database.instanceClass", dbClass, "an RDS instance class") is { } db)
            {
                var monthly = db.Usd * factor * HoursPerMonth;
                items.Add(Item("rds", monthly, monthly, Invariant($"{dbClass} {(aws.MultiAz ? "Multi-AZ" : "Single-AZ")} ${db.Usd}/h × {HoursPerMonth} h"), c.DiscountPercent));
            }

            if (Lookup("rds-storage" + az, "gp3", c.RegionKey, region, "RDS gp3 storage") is { } gp3)
            {
                var monthly = aws.AllocatedStorageGb * gp3.Usd * factor;
                items.Add(Item("rds-storage", monthly, monthly, Invariant($"{aws.AllocatedStorageGb} GB gp3{(aws.MultiAz ? " Multi-AZ" : "")} × ${gp3.Usd}/GB-month"), c.DiscountPercent));
            }

            foreach (var (redis, key) in new[] { (plan.Broker, "superset:redis.broker.nodeType"), (plan.Cache, "superset:redis.cache.nodeType") })
            {
                // The nodes the replication group declares (the plan's, which AwsDataTier reads).
                var nodes = redis.NodesPerGroup ?? 0;
                var type = redis.NodeType ?? "";
                if (Lookup("elasticache", type, key, type, "an ElastiCache node type") is { } cache)
                {
                    var monthly = nodes * cache.Usd * factor * HoursPerMonth;
                    items.Add(Item($"elasticache-{redis.Name}", monthly, monthly, Invariant($"{nodes} node{(nodes == 1 ? "" : "s")} × {type} ${cache.Usd}/h × {HoursPerMonth} h"), c.DiscountPercent));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new SettingsException(origin, errors);
        }

        return new StackCost
        {
            Currency = "USD", Region = region, PricesAsOf = used.Min(r => r.AsOf)!,
            MonthlyAtMin = items.Sum(i => i.MonthlyAtMin), MonthlyAtMax = items.Sum(i => i.MonthlyAtMax), Items = items,
            NodeType = c.NodeType, DiscountPercent = c.DiscountPercent,
            Unconfirmed = used.Where(r => !r.Confirmed).Select(r => $"{r.Region} {r.Kind} {r.Type} ({r.Source}, {r.AsOf})").Distinct().ToList(),
            PodHourUsd = podHour,
        };
    }

    /// <summary>
    /// A pod's share of a node: the larger of its CPU share and its memory share, and which one it
    /// is. The node's capacity, not its allocatable: the kubelet's reserve and DaemonSets are not
    /// counted, so a real node holds somewhat fewer pods than this divides it into.
    /// </summary>
    public static (decimal Share, string Why) Share(PodGroup pod, PriceRow node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var cpu = pod.CpuMillis / (1000m * node.Vcpu!.Value);
        var memory = pod.MemoryMi / (1024m * node.MemoryGiB!.Value);
        return cpu >= memory
            ? (cpu, Invariant($"{pod.CpuMillis}m of {node.Vcpu} vCPU"))
            : (memory, Invariant($"{pod.MemoryMi} Mi of {node.MemoryGiB} GiB"));
    }

    private static string? Region(CostSettings c, PriceTable table, List<SettingsError> errors)
    {
        var known = string.Join(", ", table.Regions);
        if (c.Region is null)
        {
            errors.Add(new SettingsError(CostSettings.RegionConfigKey, "(missing)",
                $"the AWS region to price the stack in, one of {known} (a stack with dataServices aws uses {CostSettings.AwsRegionKey} when this is absent)"));
            return null;
        }

        if (!table.Regions.Contains(c.Region))
        {
            errors.Add(new SettingsError(c.RegionKey, c.Region,
                $"a region with prices: {known}; set {CostSettings.RegionConfigKey} to one of them to estimate with its prices, or add the region's rows to stacks/Catalog/Prices/prices.csv (README, \"What a stack costs\")"));
            return null;
        }

        return c.Region;
    }

    private static string Fitting(PriceTable table, string region, PodGroup pod)
    {
        var fits = table.Rows.Where(r => r.Region == region && r.Kind == "ec2" && pod.CpuMillis <= r.Vcpu * 1000 && pod.MemoryMi <= r.MemoryGiB * 1024)
            .OrderBy(r => r.Usd).Select(r => r.Type).FirstOrDefault();
        return fits is null ? "" : $"; the cheapest type that holds it in {region} is {fits}";
    }

    private static string Count(PodGroup p) => p.MinPods == p.MaxPods
        ? $"{p.MinPods} pod{(p.MinPods == 1 ? "" : "s")}"
        : $"{p.MinPods}–{p.MaxPods} pods";

    private static CostItem Item(string name, decimal atMin, decimal atMax, string basis, decimal discount) =>
        new(name, Cents(atMin), Cents(atMax), discount == 0 ? basis : Invariant($"{basis} − {discount} %"));

    private static decimal Cents(decimal usd) => Math.Round(usd, 2, MidpointRounding.AwayFromZero);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
