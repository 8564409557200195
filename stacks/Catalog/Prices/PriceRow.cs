namespace Superset.Catalog.Prices;

/// <summary>One public on-demand list price from <c>prices.csv</c>.</summary>
public sealed record PriceRow
{
    /// <summary>AWS region code, e.g. <c>eu-west-1</c>.</summary>
    public required string Region { get; init; }

    /// <summary><c>ec2</c>, <c>rds</c>, <c>rds-multi-az</c>, <c>rds-storage</c>, <c>rds-storage-multi-az</c>, <c>elasticache</c> or <c>ebs</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Instance class, node type or volume type (<c>gp3</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The list price in US dollars per <see cref="Per"/>.</summary>
    public required decimal Usd { get; init; }

    /// <summary><c>hour</c> or <c>GB-month</c>.</summary>
    public required string Per { get; init; }

    /// <summary>vCPUs (EC2 rows only).</summary>
    public int? Vcpu { get; init; }

    /// <summary>Memory in GiB (EC2 rows only).</summary>
    public decimal? MemoryGiB { get; init; }

    /// <summary>The id of the source, described at the top of <c>prices.csv</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The date the source published the figure (yyyy-MM-dd).</summary>
    public required string AsOf { get; init; }

    /// <summary>Read from AWS's own price data; false for a secondary source not checked against it.</summary>
    public required bool Confirmed { get; init; }
}
