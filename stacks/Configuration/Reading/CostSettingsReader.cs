using System.Text.RegularExpressions;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads <c>superset:cost</c> (<c>region</c>, <c>nodeType</c>, <c>discountPercent</c>) and the AWS
/// provider's <c>aws:region</c>. Only the form of the values is checked here: whether the table has
/// prices for them is checked when a stack is priced (<c>CostModel</c> (stacks/Analysis/Cost)), so a region without
/// prices never stops a deployment, only the estimate.
/// </summary>
internal static partial class CostSettingsReader
{
    public static CostSettings Read(ObjectReader r, IConfigSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var configured = r.NullableString("region", v => RegionPattern().IsMatch(v), "an AWS region code, e.g. eu-west-1");
        var nodeType = r.String("nodeType", CostSettings.DefaultNodeType, v => NodeTypePattern().IsMatch(v), "an EC2 instance type, e.g. m6i.2xlarge");
        var discount = r.Decimal("discountPercent", 0m, 0m, 99m, maxExclusive: false, " (a negotiated discount off the list prices, in percent)");
        r.RejectUnknown();

        // An explicit cost.region wins: it prices an in-cluster stack, or estimates another region.
        if (configured is not null)
        {
            return new CostSettings(configured, CostSettings.RegionConfigKey, nodeType, discount);
        }

        var aws = source.GetQualified(CostSettings.AwsRegionKey);
        return aws is null
            ? new CostSettings(null, CostSettings.RegionConfigKey, nodeType, discount)
            : new CostSettings(aws, CostSettings.AwsRegionKey, nodeType, discount);
    }

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$")]
    private static partial Regex NodeTypePattern();
}
