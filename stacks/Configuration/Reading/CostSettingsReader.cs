using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Reads <c>superset:cost</c> (<c>region</c>, <c>nodeType</c>, <c>discountPercent</c>) and the AWS
/// provider's <c>aws:region</c>. Only the form of the values is checked here: whether the table has
/// prices for them is checked when a stack is priced (<c>CostModel</c> (stacks/Analysis/Cost)), so a region without
/// prices never stops a deployment, only the estimate.
/// </summary>
internal static class CostSettingsReader
{
    public static CostSettings Read(ObjectReader r, IConfigSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var configured = r.NullableString(FeatureKeys.Region);
        var nodeType = r.String(FeatureKeys.NodeType, CostSettings.DefaultNodeType);
        var discount = r.Decimal(FeatureKeys.DiscountPercent, 0m);
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
}
