using Pulumi;
using Superset.Planning.Network;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="NetworkPolicies"/>.</summary>
public sealed record NetworkPoliciesArgs
{
    /// <summary>Namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>The policies, derived from the stack's topology (<see cref="StackTopology.Policies"/>).</summary>
    public required IReadOnlyList<PolicySpec> Policies { get; init; }
}
