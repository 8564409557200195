using System.Globalization;

namespace Superset.Catalog.Prices;

/// <summary>
/// The dated table of public on-demand list prices (<c>prices.csv</c>, embedded in this assembly):
/// every RDS instance class and ElastiCache node type the sizing catalogs know, RDS gp3 storage,
/// EBS gp3 and the EC2 node types pods can be priced on, for the regions in <see cref="Regions"/>.
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<(string Region, string Kind, string Type), PriceRow> rows;

    private PriceTable(IEnumerable<PriceRow> rows)
    {
        this.rows = new();
        foreach (var row in rows)
        {
            if (!this.rows.TryAdd((row.Region, row.Kind, row.Type), row))
            {
                throw new FormatException($"prices: {row.Region} {row.Kind} {row.Type} appears twice");
            }
        }

        Regions = this.rows.Keys.Select(k => k.Region).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The table shipped with this build.</summary>
    public static PriceTable Default { get; } = Parse(ReadEmbedded());

    /// <summary>Every row (no particular order): for checks over the whole table.</summary>
    public IEnumerable<PriceRow> Rows => rows.Values;

    /// <summary>The regions that have prices.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>A price, or null when the table has none for that region, kind and type.</summary>
    public PriceRow? Find(string region, string kind, string type) =>
        rows.TryGetValue((region, kind, type), out var row) ? row : null;

    /// <summary>The types the table prices for a kind in a region, for error messages.</summary>
    public IReadOnlyList<string> TypesOf(string region, string kind) =>
        rows.Keys.Where(k => k.Region == region && k.Kind == kind).Select(k => k.Type).Order(StringComparer.Ordinal).ToList();

    /// <summary>Parses the CSV: <c>#</c> lines are comments; the first other line is the header.</summary>
    public static PriceTable Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        string[] expected = ["region", "kind", "type", "usd", "per", "vcpu", "memoryGiB", "source", "asOf", "status"];
        if (lines.Count == 0 || !lines[0].Split(',').SequenceEqual(expected))
        {
            throw new FormatException($"prices: the header must be {string.Join(',', expected)}");
        }

        return new PriceTable(lines.Skip(1).Select((line, i) => Row(line, i + 2)));
    }

    private static PriceRow Row(string line, int number)
    {
        var f = line.Split(',');
        if (f.Length != 10)
        {
            throw new FormatException($"prices: row {number} has {f.Length} fields, not 10: {line}");
        }

        var usd = decimal.Parse(f[3], NumberStyles.Number, CultureInfo.InvariantCulture);
        if (usd <= 0 || f[4] is not ("hour" or "GB-month") || f[9] is not ("confirmed" or "unconfirmed")
            || !DateOnly.TryParseExact(f[8], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new FormatException($"prices: row {number} needs a positive usd, per hour|GB-month, asOf yyyy-MM-dd and status confirmed|unconfirmed: {line}");
        }

        int? vcpu = f[5].Length == 0 ? null : int.Parse(f[5], CultureInfo.InvariantCulture);
        decimal? memory = f[6].Length == 0 ? null : decimal.Parse(f[6], NumberStyles.Number, CultureInfo.InvariantCulture);
        if (f[1] == "ec2" && (vcpu is not > 0 || memory is not > 0))
        {
            throw new FormatException($"prices: row {number} is an EC2 node type without vcpu and memoryGiB: {line}");
        }

        return new PriceRow
        {
            Region = f[0], Kind = f[1], Type = f[2], Usd = usd, Per = f[4], Vcpu = vcpu, MemoryGiB = memory, Source = f[7], AsOf = f[8], Confirmed = f[9] == "confirmed",
        };
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("Superset.Catalog.Prices.prices.csv")
            ?? throw new InvalidOperationException("prices.csv is not embedded in Superset.Catalog");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
