using Pulumi;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="Flower"/>.</summary>
public sealed record FlowerArgs
{
    /// <summary>Namespace of the stack.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Stack name (the instance label).</summary>
    public required string Instance { get; init; }

    /// <summary>The broker and the credentials Secret.</summary>
    public required DataConnections Data { get; init; }
}
