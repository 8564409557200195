using System.Collections;
using System.Text.Json;
using Pulumi.Kubernetes.Core.V1;
using Superset.Artifacts;
using Superset.Configuration.Reading;
using Superset.Planning.Sizing;
using Xunit;

namespace Superset.Infra.Tests;

[Collection("pulumi")] // the mock engine is process-global: run these tests one at a time
public class ProgramTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Program_outputs_equal_the_plan(string stack)
    {
        var file = StackFile.Load(StackFile.Resolve(stack, Harness.RepoRoot()));
        var expected = PlanDocument.Json(Planner.Plan(SettingsLoader.Load(file), file.Origin));

        var run = await Harness.StackAsync(stack);

        Assert.Equal(Normalize(JsonDocument.Parse(expected).RootElement), Normalize(run.Outputs["plan"]));
    }

    [Fact]
    public async Task Namespace_enforces_the_restricted_pod_security_profile()
    {
        var run = await Harness.StackAsync("dev");

        var ns = Assert.Single(run.Resources.OfType<Namespace>());
        var metadata = await Harness.ValueOf(ns.Metadata);
        Assert.Equal("superset-dev", metadata.Name);
        Assert.Equal("restricted", metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("dev", metadata.Labels["app.kubernetes.io/instance"]);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_program_naming_the_key_and_create_nothing()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Harness.YamlAsync("config:\n  superset:queues:\n    default:\n      minReplicas: 9\n      maxReplicas: 3\n", "bad"));
        Assert.Contains("superset:queues.default.minReplicas = 9", ex.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A JSON element or an output value as comparable text: ints and doubles alike, keys sorted.</summary>
    private static string Normalize(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } e => "{" + string.Join(",", e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{Normalize(p.Value)}")) + "}",
        JsonElement { ValueKind: JsonValueKind.Array } e => "[" + string.Join(",", e.EnumerateArray().Select(x => Normalize(x))) + "]",
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement e => e.ToString(),
        IDictionary d => "{" + string.Join(",", d.Keys.Cast<string>().OrderBy(k => k, StringComparer.Ordinal).Select(k => $"{k}:{Normalize(d[k])}")) + "}",
        string s => s,
        IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Normalize)) + "]",
        int i => ((double)i).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        double x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        _ => value?.ToString() ?? "null",
    };
}
