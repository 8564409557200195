using System.Text.Json;
using Superset.Analysis.Cost;
using Superset.Catalog;
using Superset.Catalog.Prices;
using Superset.Cli;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>Bad cost input, the shipped price table, and cost where <c>plan</c> shows it.</summary>
public sealed class CostInputTests
{
    private static SettingsError Refused(string yaml, PriceTable? table = null) =>
        Assert.Single(Assert.Throws<SettingsException>(() => CostModelTests.CostOf(yaml, table)).Errors);

    [Fact]
    public void A_stack_without_a_region_is_refused_naming_the_key_and_the_known_regions()
    {
        var e = Refused("config:\n  superset:tier: small\n", PriceTable.Default);
        Assert.Equal(("superset:cost.region", "(missing)"), (e.Key, e.Value));
        Assert.Contains("eu-central-1, eu-west-1, us-east-1, us-west-2", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_without_prices_is_refused_under_the_key_it_came_from()
    {
        var aws = Refused("config:\n  superset:dataServices: aws\n  aws:region: ap-south-1\n", PriceTable.Default);
        Assert.Equal(("aws:region", "ap-south-1"), (aws.Key, aws.Value));
        Assert.Contains("us-east-1", aws.Expected, StringComparison.Ordinal);
        Assert.Contains("superset:cost.region", aws.Expected, StringComparison.Ordinal);

        var own = Refused("config:\n  superset:cost:\n    region: sa-east-1\n", PriceTable.Default);
        Assert.Equal(("superset:cost.region", "sa-east-1"), (own.Key, own.Value));
    }

    [Fact]
    public void Cost_region_overrides_aws_region()
    {
        var cost = CostModelTests.CostOf("config:\n  superset:dataServices: aws\n  aws:region: ap-south-1\n  superset:cost:\n    region: us-east-1\n", PriceTable.Default);
        Assert.Equal("us-east-1", cost.Region);
    }

    [Fact]
    public void A_node_type_without_a_price_is_refused_listing_the_priced_types()
    {
        var e = Refused("config:\n  superset:cost:\n    region: eu-west-1\n    nodeType: x9.huge\n", PriceTable.Default);
        Assert.Equal(("superset:cost.nodeType", "x9.huge"), (e.Key, e.Value));
        Assert.Contains("m6i.2xlarge", e.Expected, StringComparison.Ordinal);
        Assert.Contains("m7g.xlarge", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_smaller_than_a_pod_is_refused_naming_the_pod_and_a_type_that_holds_it()
    {
        // The large tier's web pod asks 4 CPUs: a 2-vCPU m6i.large cannot run it.
        var errors = Assert.Throws<SettingsException>(() => CostModelTests.CostOf(
            "config:\n  superset:tier: large\n  superset:dataServices: aws\n  aws:region: us-east-1\n  superset:cost:\n    nodeType: m6i.large\n", PriceTable.Default)).Errors;
        var web = errors.Single(e => e.Expected.Contains("web asks 4000m", StringComparison.Ordinal));
        Assert.Equal(("superset:cost.nodeType", "m6i.large"), (web.Key, web.Value));
        Assert.Contains("the cheapest type that holds it in us-east-1 is", web.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_type_missing_from_the_table_is_refused_under_its_own_key()
    {
        var e = Refused("config:\n  superset:dataServices: aws\n  aws:region: us-test-1\n  superset:cost:\n    nodeType: t.node\n"
            + "  superset:database:\n    instanceClass: db.r6g.xlarge\n  superset:redis:\n    broker:\n      nodeType: cache.t4g.small\n    cache:\n      nodeType: cache.t4g.small\n",
            CostModelTests.Round);
        Assert.Equal(("superset:database.instanceClass", "db.r6g.xlarge"), (e.Key, e.Value));
        Assert.Contains("db.r6g.large", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("discountPercent: 100", "superset:cost.discountPercent")]
    [InlineData("discountPercent: -5", "superset:cost.discountPercent")]
    [InlineData("region: Europe", "superset:cost.region")]
    [InlineData("nodeType: large", "superset:cost.nodeType")]
    [InlineData("currency: EUR", "superset:cost.currency")]
    public void Malformed_cost_settings_are_refused_by_the_loader(string line, string key)
    {
        var ex = Assert.Throws<SettingsException>(() => SettingsLoader.Load(StackFile.Parse($"config:\n  superset:cost:\n    {line}\n", "t.yaml")));
        Assert.Equal(key, Assert.Single(ex.Errors).Key);
    }

    [Fact]
    public void The_price_table_covers_every_catalog_type_in_every_region_and_dates_and_sources_every_row()
    {
        var table = PriceTable.Default;
        Assert.Equal(new[] { "eu-central-1", "eu-west-1", "us-east-1", "us-west-2" }, table.Regions);
        foreach (var region in table.Regions)
        {
            foreach (var c in RdsInstanceClasses.All)
            {
                var single = table.Find(region, "rds", c) ?? throw new Xunit.Sdk.XunitException($"no rds {c} in {region}");
                var multi = table.Find(region, "rds-multi-az", c) ?? throw new Xunit.Sdk.XunitException($"no rds-multi-az {c} in {region}");
                // A standby is a second instance: AWS's Multi-AZ rate is twice the Single-AZ one, to its rounding.
                Assert.True(Math.Abs(multi.Usd - (2 * single.Usd)) <= 0.002m, $"{region} {c}: {single.Usd} vs {multi.Usd}");
            }

            Assert.All(ElastiCacheNodeTypes.All, t => Assert.NotNull(table.Find(region, "elasticache", t)));
            Assert.Equal(2 * table.Find(region, "rds-storage", "gp3")!.Usd, table.Find(region, "rds-storage-multi-az", "gp3")!.Usd);
            Assert.NotNull(table.Find(region, "ebs", "gp3"));
            Assert.NotNull(table.Find(region, "ec2", CostSettings.DefaultNodeType));
        }

        var text = new StreamReader(typeof(PriceTable).Assembly.GetManifestResourceStream("Superset.Catalog.Prices.prices.csv")!).ReadToEnd();
        Assert.All(table.Rows, r =>
        {
            // Every source id is described in the file's header, with its URL and publication date.
            Assert.Contains($"# {r.Source}: https://", text, StringComparison.Ordinal);
            Assert.True(DateOnly.Parse(r.AsOf, System.Globalization.CultureInfo.InvariantCulture) <= DateOnly.FromDateTime(DateTime.UtcNow), r.AsOf);
        });
    }

    [Fact]
    public void Prices_cited_from_aws_data_pin_known_figures()
    {
        // Read by hand from the sources in the header of prices.csv.
        var t = PriceTable.Default;
        Assert.Equal(0.504m, t.Find("eu-west-1", "rds-multi-az", "db.r6g.large")!.Usd);
        Assert.Equal(0.115m, t.Find("us-east-1", "rds-storage", "gp3")!.Usd);
        Assert.Equal(0.219m, t.Find("us-east-1", "elasticache", "cache.r7g.large")!.Usd);
        Assert.Equal((0.192m, 4, 16m), (t.Find("us-east-1", "ec2", "m6i.xlarge")!.Usd, t.Find("us-east-1", "ec2", "m6i.xlarge")!.Vcpu!.Value, t.Find("us-east-1", "ec2", "m6i.xlarge")!.MemoryGiB!.Value));
        Assert.Equal(0.46m, t.Find("eu-central-1", "ec2", "m6i.2xlarge")!.Usd);
    }

    [Fact]
    public void Only_the_tier_set_the_tiers_cost_small_less_than_medium_less_than_large()
    {
        StackCost Tier(string tier) => CostModelTests.CostOf($"config:\n  superset:tier: {tier}\n  superset:dataServices: aws\n  aws:region: us-east-1\n", PriceTable.Default);
        var (small, medium, large) = (Tier("small"), Tier("medium"), Tier("large"));
        Assert.True(small.MonthlyAtMin < medium.MonthlyAtMin && medium.MonthlyAtMin < large.MonthlyAtMin);
        Assert.True(small.MonthlyAtMax < medium.MonthlyAtMax && medium.MonthlyAtMax < large.MonthlyAtMax);
        Assert.All(new[] { small, medium, large }, c => Assert.True(c.MonthlyAtMin <= c.MonthlyAtMax));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Plan_json_of_the_committed_stacks_carries_the_cost(string stack)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, PlanCommand.Run(stack, json: true, null, stdout, stderr, PlannerTests.RepoRoot()));
        using var doc = JsonDocument.Parse(stdout.ToString());
        var cost = doc.RootElement.GetProperty("cost");
        Assert.Equal("USD", cost.GetProperty("currency").GetString());
        Assert.Equal("eu-west-1", cost.GetProperty("region").GetString());
        Assert.Matches("^20[0-9]{2}-[0-9]{2}-[0-9]{2}$", cost.GetProperty("pricesAsOf").GetString());
        var items = cost.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(new[] { "name", "monthlyAtMin", "monthlyAtMax", "basis" }, i.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(items.Sum(i => i.GetProperty("monthlyAtMin").GetDecimal()), cost.GetProperty("monthlyAtMin").GetDecimal());
        Assert.Equal(items.Sum(i => i.GetProperty("monthlyAtMax").GetDecimal()), cost.GetProperty("monthlyAtMax").GetDecimal());
        Assert.True(cost.GetProperty("monthlyAtMin").GetDecimal() < cost.GetProperty("monthlyAtMax").GetDecimal());
        Assert.Equal(4, doc.RootElement.GetProperty("queues").GetArrayLength()); // the plan is still there
    }

    [Fact]
    public void Plan_refuses_a_stack_it_cannot_price_and_prints_the_cost_table_of_one_it_can()
    {
        var dir = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(dir.FullName, "Pulumi.none.yaml"), "config:\n  superset:tier: small\n");
        var (out1, err1) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, PlanCommand.Run("none", json: false, null, out1, err1, dir.FullName));
        Assert.Contains("superset:cost.region = (missing)", err1.ToString(), StringComparison.Ordinal);

        var (out2, err2) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, PlanCommand.Run("dev", json: false, null, out2, err2, PlannerTests.RepoRoot()));
        Assert.Contains("monthly cost: USD list prices in eu-west-1", out2.ToString(), StringComparison.Ordinal);
        Assert.Contains("not counted: data transfer, load balancer, EKS control plane", out2.ToString(), StringComparison.Ordinal);
    }
}
