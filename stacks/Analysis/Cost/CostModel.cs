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

        var pricing = new Pricing(table, region, c, errors);
        PricePods(pricing, plan);
        if (plan.Aws is { } aws)
        {
            PriceAws(pricing, plan, aws);
        }

        if (errors.Count > 0)
        {
            throw new SettingsException(origin, errors);
        }

        var (used, items) = (pricing.Used, pricing.Items);
        return new StackCost
        {
            Currency = "USD", Region = region, PricesAsOf = used.Min(r => r.AsOf)!,
            MonthlyAtMin = items.Sum(i => i.MonthlyAtMin), MonthlyAtMax = items.Sum(i => i.MonthlyAtMax), Items = items,
            NodeType = c.NodeType, DiscountPercent = c.DiscountPercent,
            Unconfirmed = used.Where(r => !r.Confirmed).Select(r => $"{r.Region} {r.Kind} {r.Type} ({r.Source}, {r.AsOf})").Distinct().ToList(),
            PodHourUsd = pricing.PodHour,
        };
    }

    /// <summary>One pricing: the prices used, the problems found, the items priced so far.</summary>
    private sealed class Pricing(PriceTable table, string region, CostSettings cost, List<SettingsError> errors)
    {
        public PriceTable Table { get; } = table;

        public string Region { get; } = region;

        public CostSettings Cost { get; } = cost;

        public List<SettingsError> Errors { get; } = errors;

        public List<PriceRow> Used { get; } = [];

        public List<CostItem> Items { get; } = [];

        public Dictionary<string, decimal> PodHour { get; } = new(StringComparer.Ordinal);

        /// <summary>What is left of a list price after the discount.</summary>
        public decimal Factor => 1m - (Cost.DiscountPercent / 100m);

        /// <summary>The price of a type, or null with the problem recorded under <paramref name="key"/>.</summary>
        public PriceRow? Lookup(string kind, string type, string key, string value, string what)
        {
            if (Table.Find(Region, kind, type) is { } row)
            {
                Used.Add(row);
                return row;
            }

            Errors.Add(new SettingsError(key, value, $"{what} with a price in {Region}: {string.Join(", ", Table.TypesOf(Region, kind))} (stacks/Catalog/Prices/prices.csv)"));
            return null;
        }

        public void Add(string name, decimal atMin, decimal atMax, string basis) => Items.Add(Item(name, atMin, atMax, basis, Cost.DiscountPercent));
    }

    /// <summary>
    /// Every pod as its share of a node of its pool (<c>web.cost.nodeType</c>, <c>queues.&lt;name&gt;.cost.nodeType</c>,
    /// else <c>cost.nodeType</c>), less the pool's Spot discount, with its volume.
    /// </summary>
    private static void PricePods(Pricing p, StackPlan plan)
    {
        var c = p.Cost;
        var pods = WorkloadRegistry.Pods(plan);
        var ebs = pods.Any(g => g.VolumeGi > 0) ? p.Lookup("ebs", "gp3", c.RegionKey, p.Region, "EBS gp3") : null;
        var nodes = new Dictionary<string, PriceRow?>(StringComparer.Ordinal);
        foreach (var g in pods)
        {
            var type = g.Pool.NodeType ?? c.NodeType;
            var key = g.Pool.NodeType is null ? CostSettings.NodeTypeKey : g.PoolKey ?? CostSettings.NodeTypeKey;
            if (!nodes.TryGetValue($"{key}={type}", out var node))
            {
                node = nodes[$"{key}={type}"] = p.Lookup("ec2", type, key, type, "an EC2 instance type");
            }

            if (node is not null)
            {
                PricePod(p, g, node, type, key, ebs);
            }
        }
    }

    private static void PricePod(Pricing p, PodGroup g, PriceRow node, string type, string key, PriceRow? ebs)
    {
        var spot = 1m - (g.Pool.SpotDiscountPercent / 100m);
        var nodeHour = node.Usd * p.Factor * spot;
        var (share, why) = Share(g, node);
        if (share > 1m)
        {
            p.Errors.Add(new SettingsError(key, type,
                $"a node type that holds the largest pod: {g.Name} asks {g.CpuMillis}m CPU and {g.MemoryMi} Mi, more than {type}'s {node.Vcpu} vCPU and {node.MemoryGiB} GiB{Fitting(p.Table, p.Region, g)}"));
            return;
        }

        p.PodHour[g.Name] = share * nodeHour;
        var volume = g.VolumeGi * (ebs?.Usd ?? 0m) * p.Factor;
        var perPod = (share * nodeHour * HoursPerMonth) + volume;
        var basis = Invariant($"{Count(g)} × {share:0.####} of {type} ({why}) × ${node.Usd}/h{(g.Pool.SpotDiscountPercent > 0 ? Invariant($" − Spot {g.Pool.SpotDiscountPercent} %") : "")} × {HoursPerMonth} h")
            + (g.VolumeGi > 0 && ebs is not null ? Invariant($" + {g.VolumeGi} GiB gp3 × ${ebs.Usd}/GB-month") : "");
        p.Add(g.Name, g.MinPods * perPod, g.MaxPods * perPod, basis);
    }

    /// <summary>RDS (class and storage) and each ElastiCache group's nodes.</summary>
    private static void PriceAws(Pricing p, StackPlan plan, AwsSettings aws)
    {
        var az = aws.MultiAz ? "-multi-az" : "";
        var dbClass = plan.Database.InstanceClass ?? throw new ArgumentException("an AWS plan has the RDS instance class", nameof(plan));
        if (p.Lookup("rds" + az, dbClass, "superset:database.instanceClass", dbClass, "an RDS instance class") is { } db)
        {
            var monthly = db.Usd * p.Factor * HoursPerMonth;
            p.Add("rds", monthly, monthly, Invariant($"{dbClass} {(aws.MultiAz ? "Multi-AZ" : "Single-AZ")} ${db.Usd}/h × {HoursPerMonth} h"));
        }

        if (p.Lookup("rds-storage" + az, "gp3", p.Cost.RegionKey, p.Region, "RDS gp3 storage") is { } gp3)
        {
            var monthly = aws.AllocatedStorageGb * gp3.Usd * p.Factor;
            p.Add("rds-storage", monthly, monthly, Invariant($"{aws.AllocatedStorageGb} GB gp3{(aws.MultiAz ? " Multi-AZ" : "")} × ${gp3.Usd}/GB-month"));
        }

        foreach (var (redis, key) in new[] { (plan.Broker, "superset:redis.broker.nodeType"), (plan.Cache, "superset:redis.cache.nodeType") })
        {
            // The nodes the replication group declares (the plan's, which AwsDataTier reads).
            var nodes = redis.NodesPerGroup ?? 0;
            var type = redis.NodeType ?? "";
            if (p.Lookup("elasticache", type, key, type, "an ElastiCache node type") is { } cache)
            {
                var monthly = nodes * cache.Usd * p.Factor * HoursPerMonth;
                p.Add($"elasticache-{redis.Name}", monthly, monthly, Invariant($"{nodes} node{(nodes == 1 ? "" : "s")} × {type} ${cache.Usd}/h × {HoursPerMonth} h"));
            }
        }
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
                $"a region with prices: {known}; set {CostSettings.RegionConfigKey} to one of them to estimate with its prices, or add the region's rows to stacks/Catalog/Prices/prices.csv (docs/cost.md, \"The prices\")"));
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
