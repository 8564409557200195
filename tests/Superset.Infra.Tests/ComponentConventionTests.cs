using System.Reflection;
using Pulumi;
using Superset.Components.Kubernetes;
using Superset.Planning.Topology;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>Pulumi's component conventions (HOUSE-STYLE.md), held for every component by reflection.</summary>
public sealed class ComponentConventionTests
{
    private static readonly Type[] Components = typeof(Superset.Components.Labels).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(ComponentResource).IsAssignableFrom(t)).ToArray();

    /// <summary>The classes with a type token of their own: ServiceWorkload takes its token from the workload it builds.</summary>
    public static TheoryData<string> ComponentNames => [.. Components.Where(t => t != typeof(ServiceWorkload)).Select(t => t.Name)];

    private static readonly IReadOnlyList<Superset.Planning.Workloads.WorkloadSpec> ServiceWorkloads =
        WorkloadRegistry.All.Where(w => w.ComponentType is not null).ToList();

    private static Type Component(string name) => Components.Single(t => t.Name == name);

    [Fact]
    public void Every_component_is_found()
    {
        Assert.True(Components.Length >= 15, $"{Components.Length} component classes");
        Assert.True(ServiceWorkloads.Count >= 5, $"{ServiceWorkloads.Count} service workloads");
    }

    [Fact]
    public void A_service_workload_keeps_the_token_of_its_former_class_and_no_two_share_one()
    {
        var tokens = ServiceWorkloads.Select(ServiceWorkload.TypeTokenOf).ToList();
        Assert.All(tokens, t => Assert.Matches("^superset:k8s:[A-Z][A-Za-z]+$", t));
        Assert.Equal(["superset:k8s:CeleryExporter", "superset:k8s:Flower", "superset:k8s:PostgresExporter", "superset:k8s:RedisExporter", "superset:k8s:WebsocketServer"],
            tokens.Distinct().Order(StringComparer.Ordinal));
        var classTokens = Components.Select(c => (string?)c.GetField("TypeToken", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()).ToList();
        Assert.DoesNotContain(tokens, classTokens.Contains);
    }

    [Theory]
    [MemberData(nameof(ComponentNames))]
    public void The_type_token_is_superset_module_and_the_class_name(string name)
    {
        var type = Component(name);
        var token = (string?)type.GetField("TypeToken", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue();
        var module = type.Namespace!.EndsWith(".Aws", StringComparison.Ordinal) ? "aws" : "k8s";
        Assert.Equal($"superset:{module}:{type.Name}", token);
    }

    [Theory]
    [MemberData(nameof(ComponentNames))]
    public void Every_output_is_an_output_property(string name)
    {
        var type = Component(name);
        Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance));
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Output<>)))
        {
            Assert.True(property.GetCustomAttribute<OutputAttribute>() is not null, $"{type.Name}.{property.Name} lacks [Output]");
        }
    }

    [Theory]
    [MemberData(nameof(ComponentNames))]
    public void A_renamed_token_keeps_its_former_one_as_an_alias(string name)
    {
        var type = Component(name);
        if (type.GetField("FormerTypeToken", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is string former)
        {
            // The former token is the same module with the old type name: an alias of the type only.
            var token = (string)type.GetField("TypeToken")!.GetRawConstantValue()!;
            Assert.NotEqual(token, former);
            Assert.Equal(token[..token.LastIndexOf(':')], former[..former.LastIndexOf(':')]);
        }
    }
}
