namespace Superset.Catalog.Prices;

/// <summary>One public on-demand list price from <c>prices.csv</c>.</summary>
/// <param name="Region">AWS region code, e.g. <c>eu-west-1</c>.</param>
/// <param name="Kind"><c>ec2</c>, <c>rds</c>, <c>rds-multi-az</c>, <c>rds-storage</c>, <c>rds-storage-multi-az</c>, <c>elasticache</c> or <c>ebs</c>.</param>
/// <param name="Type">Instance class, node type or volume type (<c>gp3</c>).</param>
/// <param name="Usd">The list price in US dollars per <paramref name="Per"/>.</param>
/// <param name="Per"><c>hour</c> or <c>GB-month</c>.</param>
/// <param name="Vcpu">vCPUs (EC2 rows only).</param>
/// <param name="MemoryGiB">Memory in GiB (EC2 rows only).</param>
/// <param name="Source">The id of the source, described at the top of <c>prices.csv</c>.</param>
/// <param name="AsOf">The date the source published the figure (yyyy-MM-dd).</param>
/// <param name="Confirmed">Read from AWS's own price data; false for a secondary source not checked against it.</param>
public sealed record PriceRow(
    string Region,
    string Kind,
    string Type,
    decimal Usd,
    string Per,
    int? Vcpu,
    decimal? MemoryGiB,
    string Source,
    string AsOf,
    bool Confirmed);
