using System.Globalization;
using System.Text.Json.Nodes;
using Superset.Analysis.Cost;
using Superset.Catalog;
using Superset.Catalog.Prices;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// <c>prices &lt;folder&gt;</c> on files in the shape of AWS's metered unit maps, written here with made-up
/// prices and the decoys the real files hold (readable-standby and Valkey rows, Windows nodes).
/// </summary>
public sealed class PriceRefreshTests
{
    private const string Region = "EU (Ireland)";

    private static JsonObject File(string published, JsonObject entries) => new()
    {
        ["manifest"] = new JsonObject { ["hawkFilePublicationDate"] = $"{published}T10:00:00Z", ["source"] = "test" },
        ["regions"] = new JsonObject { [Region] = entries },
    };

    private static JsonObject Entry(string price, params (string Key, string Value)[] attributes)
    {
        var e = new JsonObject { ["price"] = price };
        foreach (var (k, v) in attributes)
        {
            e[k] = v;
        }

        return e;
    }

    private static string Folder(Action<JsonObject, JsonObject, JsonObject>? spoil = null)
    {
        var (rds, cache, ec2) = (new JsonObject(), new JsonObject(), new JsonObject());
        foreach (var c in RdsInstanceClasses.All)
        {
            rds[$"Database Instance PostgreSQL No license required {c} Single-AZ"] = Entry("0.1000000000", ("Instance Type", c));
            rds[$"Database Instance PostgreSQL No license required {c} Multi-AZ"] = Entry("0.2000000000", ("Instance Type", c));
            rds[$"Database Instance PostgreSQL No license required {c} Multi-AZ readable standbys"] = Entry("0.3000000000", ("Instance Type", c));
            rds[$"Database Instance MySQL No license required {c} Single-AZ"] = Entry("0.9000000000", ("Instance Type", c));
        }

        rds["Database Storage Single AZ General Purpose-GP3"] = Entry("0.1270000000");
        rds["Database Storage Multi AZ General Purpose-GP3"] = Entry("0.2540000000");
        foreach (var t in ElastiCacheNodeTypes.All)
        {
            cache[$"OnDemand Cache Instance {t} Redis Current Generation"] = Entry("0.0500000000", ("Instance Type", t));
            cache[$"OnDemand Cache Instance {t} Valkey Current Generation"] = Entry("0.0400000000", ("Instance Type", t));
        }

        foreach (var t in PriceRefresh.NodeTypes)
        {
            ec2[$"{t} Linux"] = Entry("0.4280000000", ("Instance Type", t), ("Operating System", "Linux"), ("vCPU", "8"), ("Memory", "32 GiB"));
            ec2[$"{t} Windows"] = Entry("0.8000000000", ("Instance Type", t), ("Operating System", "Windows"), ("vCPU", "8"), ("Memory", "32 GiB"));
        }

        spoil?.Invoke(rds, cache, ec2);
        var dir = Directory.CreateTempSubdirectory().FullName;
        System.IO.File.WriteAllText(Path.Combine(dir, "rds-postgresql-ondemand.json"), File("2024-09-28", rds).ToJsonString());
        System.IO.File.WriteAllText(Path.Combine(dir, "elasticache.json"), File("2025-03-14", cache).ToJsonString());
        System.IO.File.WriteAllText(Path.Combine(dir, "ebs.json"), File("2024-07-18", new JsonObject { ["Storage General Purpose gp3 GB Mo"] = Entry("0.0880000000") }).ToJsonString());
        System.IO.File.WriteAllText(Path.Combine(dir, "ec2-eu-west-1.json"), File("2025-04-04", ec2).ToJsonString());
        return dir;
    }

    [Fact]
    public void Refresh_reads_the_postgres_redis_and_linux_rows_with_each_files_date()
    {
        var table = PriceTable.Parse(PriceRefresh.FromFolder(Folder(), ["via: a test"]));
        Assert.Equal(new[] { "eu-west-1" }, table.Regions);
        var rds = table.Find("eu-west-1", "rds", "db.r6g.large")!;
        Assert.Equal((0.1m, "aws-rds-postgresql", "2024-09-28", true), (rds.Usd, rds.Source, rds.AsOf, rds.Confirmed));
        Assert.Equal(0.2m, table.Find("eu-west-1", "rds-multi-az", "db.r6g.large")!.Usd); // not the readable-standby 0.3
        Assert.Equal(0.254m, table.Find("eu-west-1", "rds-storage-multi-az", "gp3")!.Usd);
        Assert.Equal((0.05m, "2025-03-14"), (table.Find("eu-west-1", "elasticache", "cache.r7g.large")!.Usd, table.Find("eu-west-1", "elasticache", "cache.r7g.large")!.AsOf));
        var node = table.Find("eu-west-1", "ec2", "m6i.2xlarge")!;
        Assert.Equal((0.428m, 8, 32m, "aws-ec2-eu-west-1", "2025-04-04"), (node.Usd, node.Vcpu!.Value, node.MemoryGiB!.Value, node.Source, node.AsOf));
        Assert.Equal(0.088m, table.Find("eu-west-1", "ebs", "gp3")!.Usd);
        Assert.Equal(RdsInstanceClasses.All.Count() * 2 + 2 + ElastiCacheNodeTypes.All.Count() + PriceRefresh.NodeTypes.Count + 1, table.Rows.Count());
    }

    [Fact]
    public void Refresh_refuses_data_that_lacks_a_catalog_type()
    {
        var dir = Folder((_, cache, _) => cache.Remove("OnDemand Cache Instance cache.t4g.small Redis Current Generation"));
        var ex = Assert.Throws<InvalidDataException>(() => PriceRefresh.FromFolder(dir, []));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"0 prices for elasticache cache.t4g.small (Redis) in {Region}, not one"), ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_awss_price_data_is_named()
    {
        var dir = Folder();
        var ec2 = Path.Combine(dir, "ec2-eu-west-1.json");
        System.IO.File.WriteAllText(ec2, "<html>a login page</html>");
        Assert.StartsWith($"{ec2}: not JSON (", Assert.Throws<InvalidDataException>(() => PriceRefresh.FromFolder(dir, [])).Message, StringComparison.Ordinal);

        System.IO.File.WriteAllText(ec2, "{\"prices\": []}");
        Assert.StartsWith($"{ec2}: not AWS's price data", Assert.Throws<InvalidDataException>(() => PriceRefresh.FromFolder(dir, [])).Message, StringComparison.Ordinal);

        var twoRegions = File("2025-04-04", new JsonObject());
        twoRegions["regions"]!["US East (N. Virginia)"] = new JsonObject();
        System.IO.File.WriteAllText(ec2, twoRegions.ToJsonString());
        Assert.Equal($"{ec2}: 2 regions, not the one region of an ec2-<region>.json", Assert.Throws<InvalidDataException>(() => PriceRefresh.FromFolder(dir, [])).Message);
    }

    [Fact]
    public void An_entry_without_its_price_names_the_folder_not_a_dictionary_key()
    {
        var dir = Folder((_, _, ec2) => ec2["m6i.large Linux"]!.AsObject().Remove("price"));
        var ex = Assert.Throws<InvalidDataException>(() => PriceRefresh.FromFolder(dir, []));
        Assert.StartsWith($"{dir}: an entry is not as AWS's price data writes it", ex.Message, StringComparison.Ordinal);
    }
}
