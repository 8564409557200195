using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;

namespace Superset.Infra.Tests;

/// <summary>
/// Mock engine: every resource gets an id and echoes its inputs as its state, plus what a
/// provider would fill in (Kubernetes metadata.name from the resource name when none is given).
/// </summary>
internal sealed class Mocks : IMocks
{
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var state = args.Inputs.ToBuilder();
        if (args.Type?.StartsWith("kubernetes:", StringComparison.Ordinal) == true)
        {
            var metadata = state.TryGetValue("metadata", out var m) && m is ImmutableDictionary<string, object> md
                ? md.ToBuilder() : ImmutableDictionary.CreateBuilder<string, object>();
            metadata.TryAdd("name", args.Name ?? "unnamed");
            state["metadata"] = metadata.ToImmutable();
        }

        return Task.FromResult<(string?, object)>(($"{args.Name}-id", state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);
}

/// <summary>Runs the program (or a part of it) under the mock engine.</summary>
internal static class Harness
{
    public static async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(
        Func<IDictionary<string, object?>> program)
    {
        // The program's own dictionary (Output<T> values), not the engine's serialized copy.
        IDictionary<string, object?> outputs = new Dictionary<string, object?>();
        var result = await Deployment.TestAsync(new Mocks(), new TestOptions { IsPreview = false, StackName = "test" }, () => outputs = program());
        return (result.Resources, outputs);
    }

    /// <summary>The value of an output, awaited.</summary>
    public static Task<T> ValueOf<T>(Output<T> output)
    {
        var tcs = new TaskCompletionSource<T>();
        output.Apply(v =>
        {
            tcs.TrySetResult(v);
            return v;
        });
        return tcs.Task;
    }
}
