using Pulumi;

namespace Superset.Components.Kubernetes;

/// <summary>Inputs of <see cref="PostgresExporter"/>.</summary>
public sealed record PostgresExporterArgs
{
    /// <summary>Namespace of the stack.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Stack name (the instance label).</summary>
    public required string Instance { get; init; }

    /// <summary>The database and the credentials Secret.</summary>
    public required DataConnections Data { get; init; }
}
