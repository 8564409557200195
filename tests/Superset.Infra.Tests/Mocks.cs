using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Superset.Analysis.Render;
using Superset.Configuration.Reading;
using Superset.Planning;
using Superset.Planning.Sizing;
using Superset.Render;

namespace Superset.Infra.Tests;

/// <summary>One run of the program under the mock engine: what it declared and what it returned.</summary>
internal sealed record Run(ImmutableArray<Resource> Resources, IReadOnlyList<RenderedResource> Recorded, IDictionary<string, object?> Outputs)
{
    /// <summary>The Kubernetes objects declared, as plain manifests (dictionaries and lists).</summary>
    public IEnumerable<Manifest> Manifests => Recorded.Where(r => r.IsKubernetes).Select(Manifest.Of);

    /// <summary>The one object of a kind and name.</summary>
    public Manifest Object(string kind, string name) => Manifests.Single(m => m.Kind == kind && m.Name == name);

    /// <summary>Every object of a kind.</summary>
    public IEnumerable<Manifest> All(string kind) => Manifests.Where(m => m.Kind == kind);
}

/// <summary>A Kubernetes object as declared, with a path reader.</summary>
internal sealed record Manifest(string Type, Dictionary<string, object?> Body)
{
    /// <summary>A recorded resource's inputs as plain data.</summary>
    public static Manifest Of(RenderedResource resource) => new(resource.Type, (Dictionary<string, object?>)ManifestWriter.ToPlain(resource.Inputs)!);

    public string Kind => (string)Body["kind"]!;

    public string Name => (string)At("metadata.name")!;

    /// <summary>The value at a dotted path (<c>spec.template.spec.containers.0.command</c>), or null.</summary>
    public object? At(string path)
    {
        object? node = Body;
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                Dictionary<string, object?> d => d.GetValueOrDefault(part),
                List<object?> l when int.TryParse(part, out var i) && i < l.Count => l[i],
                _ => null,
            };
        }

        return node;
    }

    public List<object?> List(string path) => At(path) as List<object?> ?? [];

    public Dictionary<string, object?> Map(string path) => At(path) as Dictionary<string, object?> ?? [];

    public IReadOnlyList<string> Strings(string path) => List(path).Select(v => v?.ToString() ?? "").ToList();

    /// <summary>The objects of a list (containers, rules, metrics…), each readable by path.</summary>
    public IReadOnlyList<Manifest> Items(string path) => List(path).Cast<Dictionary<string, object?>>().Select(i => new Manifest(Type, i)).ToList();

    /// <summary>The objects of a list keyed by their <c>name</c> (env vars, parameters, ports).</summary>
    public Dictionary<string, Manifest> Named(string path) => Items(path).ToDictionary(i => (string)i.Body["name"]!);

    public long Number(string path) => At(path) is long n ? n : throw new InvalidOperationException($"{Kind}/{Name}: {path} is not a number");

    /// <summary>The pod spec of a Deployment, StatefulSet or Job.</summary>
    public Manifest Pod => new(Type, Map("spec.template.spec"));

    /// <summary>A container of a pod spec by name.</summary>
    public Manifest Container(string name) => Items("containers").Single(c => (string?)c.At("name") == name);
}

/// <summary>Runs the program (or a part of it) under the mock engine.</summary>
internal static class Harness
{
    /// <summary>What every Pulumi.Random resource produces in these tests: findable, so it can be looked for.</summary>
    public static string RandomValueOf(string resourceName) => $"RANDOM-{resourceName}-VALUE";

    /// <summary>The project name of <c>Pulumi.yaml</c>, as `pulumi up` and `render` run the program.</summary>
    public const string Project = "superset";

    public static async Task<Run> RunAsync(Func<IDictionary<string, object?>> program, Func<string, string>? randomValue = null, string stack = "test")
    {
        // The program's own dictionary (Output<T> values), not the engine's serialized copy.
        IDictionary<string, object?> outputs = new Dictionary<string, object?>();
        var mocks = new RecordingMocks(randomValue ?? RandomValueOf);
        var options = new TestOptions { IsPreview = false, ProjectName = Project, StackName = stack };
        var result = await Deployment.TestAsync(mocks, options, () => outputs = program());
        return new Run(result.Resources, mocks.Resources, outputs);
    }

    /// <summary>The plan of a stack file of the repository, as `plan` computes it.</summary>
    public static StackPlan PlanOf(string stack)
    {
        var file = StackFile.Load(StackFile.Resolve(stack, RepoRoot()));
        return Planner.Plan(SettingsLoader.Load(file), file.Origin);
    }

    /// <summary>The plan of stack file text.</summary>
    public static StackPlan PlanOfYaml(string yaml) => Planner.Plan(SettingsLoader.Load(StackFile.Parse(yaml, "t.yaml")), "t.yaml");

    /// <summary>The whole program for a stack file of the repository.</summary>
    public static Task<Run> StackAsync(string stack, Func<string, string>? randomValue = null)
    {
        var file = StackFile.Load(StackFile.Resolve(stack, RepoRoot()));
        return RunAsync(() => SupersetProgram.Run(file, stack), randomValue, stack);
    }

    /// <summary>The whole program for stack file text.</summary>
    public static Task<Run> YamlAsync(string yaml, string stack = "test", Func<string, Output<string>>? secret = null) =>
        RunAsync(() => SupersetProgram.Run(StackFile.Parse(yaml, $"Pulumi.{stack}.yaml"), stack, secret), stack: stack);

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

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pulumi.yaml not found above the test directory");
    }
}
