using Pulumi;
using Superset.Planning;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="SupersetConfig"/>.</summary>
public sealed record SupersetConfigArgs
{
    /// <summary>Namespace of the Secret.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Instance { get; init; }

    /// <summary>The plan the file is generated from.</summary>
    public required StackPlan Plan { get; init; }
}
