using Pulumi;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="WebsocketServer"/>.</summary>
public sealed record WebsocketServerArgs
{
    /// <summary>Namespace of the stack.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Stack name (the instance label).</summary>
    public required string Instance { get; init; }

    /// <summary>The cache Redis and the credentials Secret.</summary>
    public required DataConnections Data { get; init; }

    /// <summary>The superset-websocket image (superset:asyncQueries.websocketImage).</summary>
    public required string Image { get; init; }
}
