using System.Globalization;
using System.Text;
using System.Text.Json;
using Superset.Catalog;

namespace Superset.Analysis.Cost;

/// <summary>
/// Rebuilds <c>prices.csv</c> from AWS's published price data: the metered unit maps behind the
/// aws.amazon.com pricing pages (one JSON file per service, each with its publication date). A
/// folder holds <c>rds-postgresql-ondemand.json</c>, <c>elasticache.json</c>, <c>ebs.json</c> and one
/// <c>ec2-&lt;region&gt;.json</c> per region to price; every catalog type must be found in every region,
/// or nothing is written.
/// </summary>
public static class PriceRefresh
{
    /// <summary>Where each file comes from (docs/cost.md, "Refreshing them").</summary>
    public const string BaseUrl = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps";

    /// <summary>The EC2 node types priced: general purpose, compute and memory optimized, Intel and Graviton.</summary>
    public static IReadOnlyList<string> NodeTypes { get; } =
        (from family in new[] { "m6i", "m7i", "m6g", "m7g", "c6i", "c7g", "r6i", "r7g" }
         from size in new[] { "large", "xlarge", "2xlarge", "4xlarge", "8xlarge" }
         select $"{family}.{size}").ToList();

    /// <summary>The CSV text for the files in <paramref name="folder"/>; <paramref name="notes"/> become header comments (provenance).</summary>
    /// <remarks>
    /// A missing file, a file that is not JSON or not in the shape of AWS's data, and an entry without
    /// its price throw <see cref="InvalidDataException"/> naming the file or the folder.
    /// </remarks>
    public static string FromFolder(string folder, IReadOnlyList<string> notes)
    {
        try
        {
            return Build(folder, notes);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"{folder}: an entry is not as AWS's price data writes it ({ex.Message})", ex);
        }
    }

    private static string Build(string folder, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        using var rds = Open(folder, "rds-postgresql-ondemand.json");
        using var cache = Open(folder, "elasticache.json");
        using var ebs = Open(folder, "ebs.json");
        var ec2Files = Directory.GetFiles(folder, "ec2-*.json").Order(StringComparer.Ordinal).ToList();
        if (ec2Files.Count == 0)
        {
            throw new InvalidDataException($"{folder}: no ec2-<region>.json (one per region to price)");
        }

        var rows = new List<string>();
        var dates = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["aws-rds-postgresql"] = Published(rds), ["aws-elasticache"] = Published(cache), ["aws-ebs"] = Published(ebs),
        };
        foreach (var file in ec2Files)
        {
            using var ec2 = Parse(file);
            var code = Path.GetFileNameWithoutExtension(file)["ec2-".Length..];
            // The per-region EC2 file names its region as the other files do ("EU (Ireland)").
            var regions = ec2.RootElement.GetProperty("regions").EnumerateObject().Select(r => r.Name).ToList();
            var region = regions.Count == 1 ? regions[0] : throw new InvalidDataException($"{file}: {regions.Count} regions, not the one region of an ec2-<region>.json");
            dates[$"aws-ec2-{code}"] = Published(ec2);
            void Add(string kind, string type, string usd, string per, string source, string vcpu = "", string memory = "") =>
                rows.Add(string.Join(',', code, kind, type, Number(usd), per, vcpu, memory, source, dates[source], "confirmed"));

            var r = Entries(rds, region);
            foreach (var c in RdsInstanceClasses.All)
            {
                bool Pg(string key) => key.Contains("PostgreSQL", StringComparison.Ordinal) && !key.Contains("readable standbys", StringComparison.Ordinal);
                Add("rds", c, One(r, $"rds {c} Single-AZ in {region}", (k, v) => Pg(k) && k.Contains("Single-AZ", StringComparison.Ordinal) && Is(v, "Instance Type", c)), "hour", "aws-rds-postgresql");
                Add("rds-multi-az", c, One(r, $"rds {c} Multi-AZ in {region}", (k, v) => Pg(k) && k.Contains("Multi-AZ", StringComparison.Ordinal) && Is(v, "Instance Type", c)), "hour", "aws-rds-postgresql");
            }

            Add("rds-storage", "gp3", One(r, $"RDS gp3 storage in {region}", (k, _) => k == "Database Storage Single AZ General Purpose-GP3"), "GB-month", "aws-rds-postgresql");
            Add("rds-storage-multi-az", "gp3", One(r, $"RDS Multi-AZ gp3 storage in {region}", (k, _) => k == "Database Storage Multi AZ General Purpose-GP3"), "GB-month", "aws-rds-postgresql");
            var e = Entries(cache, region);
            foreach (var t in ElastiCacheNodeTypes.All)
            {
                // The AWS data tier runs engine "redis" (components/Aws/AwsDataTier.cs): its rows, not Valkey's.
                Add("elasticache", t, One(e, $"elasticache {t} (Redis) in {region}", (k, v) => k.StartsWith("OnDemand", StringComparison.Ordinal) && k.Contains(" Redis ", StringComparison.Ordinal) && Is(v, "Instance Type", t)), "hour", "aws-elasticache");
            }

            var n = Entries(ec2, region);
            foreach (var t in NodeTypes)
            {
                var v = n.Single(x => Is(x.Value, "Instance Type", t) && Is(x.Value, "Operating System", "Linux"), $"ec2 {t} (Linux) in {region}");
                Add("ec2", t, v.GetProperty("price").GetString()!, "hour", $"aws-ec2-{code}", v.GetProperty("vCPU").GetString()!, v.GetProperty("Memory").GetString()!.Replace(" GiB", "", StringComparison.Ordinal));
            }

            Add("ebs", "gp3", One(Entries(ebs, region), $"EBS gp3 in {region}", (k, _) => k == "Storage General Purpose gp3 GB Mo"), "GB-month", "aws-ebs");
        }

        var b = new StringBuilder();
        b.AppendLine("# Public on-demand list prices (USD), written by `dotnet run --project stacks/Cli -- prices <folder>` from AWS's");
        b.AppendLine("# published price data (docs/cost.md, \"Refreshing them\"). One row per price; source and asOf (the date AWS");
        b.AppendLine("# published the figure) on every row. status: confirmed = read from AWS's data; unconfirmed = a figure");
        b.AppendLine("# from a secondary source, added by hand (plan output names every unconfirmed row it uses).");
        b.AppendLine("#");
        foreach (var (id, date) in dates)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"# {id}: {Url(id)}, published {date}");
        }

        foreach (var note in notes)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"# {note}");
        }

        b.AppendLine("region,kind,type,usd,per,vcpu,memoryGiB,source,asOf,status");
        rows.ForEach(row => b.AppendLine(row));
        return b.ToString();
    }

    private static string Url(string id) => id switch
    {
        "aws-rds-postgresql" => $"{BaseUrl}/rds/USD/current/rds-postgresql-ondemand.json",
        "aws-elasticache" => $"{BaseUrl}/elasticache/USD/current/elasticache.json",
        "aws-ebs" => $"{BaseUrl}/ec2/USD/current/ebs.json",
        _ => $"{BaseUrl}/ec2/USD/current/ec2-ondemand-without-sec-sel/<region name>/Linux/index.json ({id["aws-ec2-".Length..]})",
    };

    private static JsonDocument Open(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? Parse(path) : throw new InvalidDataException($"{folder}: no {name} ({Url(name switch
        {
            "rds-postgresql-ondemand.json" => "aws-rds-postgresql",
            "elasticache.json" => "aws-elasticache",
            _ => "aws-ebs",
        })})");
    }

    /// <summary>A price data file: JSON with AWS's <c>manifest</c> (publication date, source) and <c>regions</c>.</summary>
    private static JsonDocument Parse(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not JSON ({ex.Message})", ex);
        }

        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("manifest", out var m) && m.ValueKind == JsonValueKind.Object
            && m.TryGetProperty("hawkFilePublicationDate", out var date) && date.ValueKind == JsonValueKind.String && date.GetString()!.Length >= 10
            && m.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String
            && root.TryGetProperty("regions", out var regions) && regions.ValueKind == JsonValueKind.Object)
        {
            return doc;
        }

        doc.Dispose();
        throw new InvalidDataException($"{path}: not AWS's price data (a manifest with hawkFilePublicationDate and source, and regions; docs/cost.md says where it comes from)");
    }

    private static string Published(JsonDocument d) => d.RootElement.GetProperty("manifest").GetProperty("hawkFilePublicationDate").GetString()![..10];

    private static List<KeyValuePair<string, JsonElement>> Entries(JsonDocument d, string region) =>
        d.RootElement.GetProperty("regions").TryGetProperty(region, out var r)
            ? r.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value)).ToList()
            : throw new InvalidDataException($"no prices for {region} in the {d.RootElement.GetProperty("manifest").GetProperty("source").GetString()} data");

    private static bool Is(JsonElement v, string attribute, string value) =>
        v.TryGetProperty(attribute, out var a) && a.GetString() == value;

    private static string One(List<KeyValuePair<string, JsonElement>> entries, string what, Func<string, JsonElement, bool> match) =>
        entries.Single(e => match(e.Key, e.Value), what).GetProperty("price").GetString()!;

    private static JsonElement Single(this List<KeyValuePair<string, JsonElement>> entries, Func<KeyValuePair<string, JsonElement>, bool> match, string what)
    {
        var found = entries.Where(match).ToList();
        return found.Count == 1 ? found[0].Value : throw new InvalidDataException($"{found.Count} prices for {what}, not one");
    }

    private static string Number(string price) =>
        decimal.Parse(price, NumberStyles.Number, CultureInfo.InvariantCulture).ToString("0.##########", CultureInfo.InvariantCulture);
}
