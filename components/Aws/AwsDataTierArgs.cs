using Pulumi;
using Superset.Planning;

namespace Superset.Components.Aws;

/// <summary>Inputs of <see cref="AwsDataTier"/>.</summary>
public sealed record AwsDataTierArgs
{
    /// <summary>The plan: database class and max_connections, Redis node types, roles and node counts, and (its <c>Aws</c>) the VPC, subnets, client security group and protection.</summary>
    public required StackPlan Plan { get; init; }

    /// <summary>RDS master password (secret), from the credentials component.</summary>
    public required Output<string> DatabasePassword { get; init; }

    /// <summary>Broker AUTH token (secret).</summary>
    public required Output<string> BrokerAuthToken { get; init; }

    /// <summary>Cache AUTH token (secret).</summary>
    public required Output<string> CacheAuthToken { get; init; }

    /// <summary>The Pulumi project's name: with <see cref="Stack"/>, what makes the final snapshot's name unique.</summary>
    public required string Project { get; init; }

    /// <summary>The stack's name.</summary>
    public required string Stack { get; init; }

    /// <summary>Tags on every AWS resource.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
