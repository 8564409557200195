namespace Superset.Configuration;

/// <summary>What prices a stack: the region, the node type the pods run on, a negotiated discount.</summary>
/// <param name="Region">AWS region of the list prices, or null when neither key is set.</param>
/// <param name="RegionKey">The key the region came from (<c>superset:cost.region</c> or <c>aws:region</c>), for errors.</param>
/// <param name="NodeType">EC2 instance type of the Kubernetes nodes the pods are priced on.</param>
/// <param name="DiscountPercent">Taken off every list price (an enterprise discount or savings plan), 0–99.</param>
public sealed record CostSettings(string? Region, string RegionKey, string NodeType, decimal DiscountPercent)
{
    /// <summary>The key that sets the region for a stack without AWS data services.</summary>
    public const string RegionConfigKey = "superset:cost.region";

    /// <summary>The AWS provider's region, which a stack with <c>dataServices: aws</c> deploys to.</summary>
    public const string AwsRegionKey = "aws:region";

    /// <summary>The key that sets the node type.</summary>
    public const string NodeTypeKey = "superset:cost.nodeType";

    /// <summary>
    /// Nodes priced when <c>cost.nodeType</c> is absent: general purpose (the 1 vCPU : 4 GiB shape of a
    /// shared EKS node group; Superset's pods ask 1 CPU for 1–2 GiB, so CPU is the share they fill),
    /// x86, so an image built by `docker build docker/` on an amd64 machine runs without a multi-arch
    /// build (Graviton m7g nodes are cheaper and need an arm64 image), and 8 vCPUs so the large tier's
    /// 4-CPU web pod fits with the kubelet's reserve beside it. Its vCPUs, memory and price come from the same price table as every other figure.
    /// </summary>
    public const string DefaultNodeType = "m6i.2xlarge";
}
