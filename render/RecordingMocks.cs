using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;
using Superset.Analysis.Render;

namespace Superset.Render;

/// <summary>
/// The mock engine behind <c>render</c> and the tests: records every resource's inputs and answers
/// as a provider would, with visible placeholders for what only the cloud or a provider knows.
/// </summary>
/// <param name="randomValue">
/// The value a Pulumi.Random resource produces, by resource name; by default a visible placeholder.
/// Tests give known values and then look for them where they must never appear.
/// </param>
internal sealed class RecordingMocks(Func<string, string>? randomValue = null) : IMocks
{
    /// <summary>Prefix of every value only a real deployment knows.</summary>
    public const string Placeholder = "(known after deploy)";

    /// <summary>Stands for the random suffix of an auto-named resource.</summary>
    public const string AutonameSuffix = "xxxxxxx";

    private readonly ConcurrentQueue<RenderedResource> recorded = new();

    /// <summary>Every resource declared, in order.</summary>
    public IReadOnlyList<RenderedResource> Resources => recorded.ToList();

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var type = args.Type ?? "";
        recorded.Enqueue(new RenderedResource(type, args.Name ?? "", ToPlain(args.Inputs)));

        var state = args.Inputs.ToBuilder();
        if (type.StartsWith("kubernetes:", StringComparison.Ordinal))
        {
            // The provider fills metadata.name from the resource name when none is given.
            var metadata = state.TryGetValue("metadata", out var m) && m is ImmutableDictionary<string, object> md
                ? md.ToBuilder() : ImmutableDictionary.CreateBuilder<string, object>();
            metadata.TryAdd("name", args.Name ?? "unnamed");
            state["metadata"] = metadata.ToImmutable();
        }
        else if (type == "random:index/randomPassword:RandomPassword")
        {
            state["result"] = randomValue?.Invoke(args.Name ?? "") ?? $"{Placeholder}: {args.Name}";
        }

        if (type.StartsWith("aws:", StringComparison.Ordinal))
        {
            // Pulumi auto-names AWS resources from the resource name plus a random suffix.
            state.TryAdd("name", $"{args.Name}-{AutonameSuffix}");
        }

        foreach (var (key, value) in ProviderOutputs(type, args.Name ?? ""))
        {
            state.TryAdd(key, value);
        }

        return Task.FromResult<(string?, object)>(($"{args.Name}-id", state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);

    /// <summary>Outputs a provider computes, as placeholders a reviewer recognises.</summary>
    private static IEnumerable<(string Key, object Value)> ProviderOutputs(string type, string name) => type switch
    {
        // `identifier`: "if omitted, this provider will assign a random, unique identifier" (@pulumi/aws
        // rds/instance.d.ts@7.2.0); the alarms' DBInstanceIdentifier dimension reads it.
        "aws:rds/instance:Instance" => [("identifier", $"{name}-{AutonameSuffix}"), ("address", $"{Placeholder}: {name}.rds.amazonaws.com"), ("port", 5432.0), ("arn", $"arn:aws:rds:::db:{name}")],
        "aws:elasticache/replicationGroup:ReplicationGroup" => [("primaryEndpointAddress", $"{Placeholder}: {name}.cache.amazonaws.com"), ("arn", $"arn:aws:elasticache:::replicationgroup:{name}")],
        "aws:ec2/securityGroup:SecurityGroup" => [("arn", $"arn:aws:ec2:::security-group/{name}")],
        _ => [],
    };

    private static IReadOnlyDictionary<string, object?> ToPlain(ImmutableDictionary<string, object> inputs) =>
        inputs.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
}
