using System.Text.Json;
using Superset.Catalog;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>
/// The feature-flag catalog is the upstream text: each release's list equals DEFAULT_FEATURE_FLAGS
/// of apache/superset superset/config.py at its tag, as Python's own parser reads the committed
/// excerpts (tests/upstream/superset), and superset:featureFlags refuses a flag of the other release
/// naming the release that has it.
/// </summary>
public sealed class FeatureFlagCatalogTests
{
    private static string Upstream => Path.Combine(PlannerTests.RepoRoot(), "tests", "upstream", "superset");

    private static JsonElement Fixture()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Upstream, "feature-flags.json")));
        return doc.RootElement.GetProperty("releases").Clone();
    }

    private static List<(string Flag, bool Default)> Flags(JsonElement release) =>
        [.. release.GetProperty("flags").EnumerateObject().Select(p => (p.Name, p.Value.GetBoolean()))];

    [Fact]
    public void Every_release_s_catalog_is_the_fixture_read_from_its_config_py()
    {
        var fixture = Fixture();
        Assert.Equal(
            SupersetReleases.All.Values.Select(r => r.Tag).Order(StringComparer.Ordinal),
            fixture.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var release in SupersetReleases.All.Values)
        {
            var upstream = fixture.GetProperty(release.Tag);
            Assert.Equal($"apache/superset superset/config.py@{release.Tag}", upstream.GetProperty("source").GetString());
            Assert.Equal(Flags(upstream), SupersetFeatureFlags.Listed(release));
        }
    }

    [Fact]
    public void Python_s_ast_reads_the_committed_excerpts_as_the_fixture()
    {
        var python = Tools.Require(Tools.Python, "python3");
        foreach (var release in Fixture().EnumerateObject())
        {
            var excerpt = Path.Combine(Upstream, release.Value.GetProperty("excerpt").GetString()!);
            var (code, stdout, stderr) = Tools.Run(python, [Path.Combine(Upstream, "extract_feature_flags.py"), excerpt]);
            Assert.True(code == 0, $"{excerpt}: {stderr}");
            var read = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetBoolean())).ToList();
            Assert.Equal(Flags(release.Value), read);
        }
    }

    [Theory]
    [InlineData("DEFAULT_FEATURE_FLAGS = {\"A\": True, \"A\": False}\n", "A twice")]
    [InlineData("DEFAULT_FEATURE_FLAGS = dict(A=True)\n", "not a dict literal")]
    [InlineData("DEFAULT_FEATURE_FLAGS = {\"A\": is_on()}\n", "not True or False")]
    [InlineData("FEATURE_FLAGS = {}\n", "found 0")]
    public void The_extractor_refuses_what_it_cannot_read_as_literal_flags(string python, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"flags-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, python);
        try
        {
            var (code, _, stderr) = Tools.Run(Tools.Require(Tools.Python, "python3"), [Path.Combine(Upstream, "extract_feature_flags.py"), file]);
            Assert.Equal(2, code);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    // DEFAULT_FEATURE_FLAGS: AG_GRID_TABLE_ENABLED is at 6.0.0 only, HORIZONTAL_FILTER_BAR at 5.0.0 only.
    [InlineData("", "AG_GRID_TABLE_ENABLED", "AG_GRID_TABLE_ENABLED was added in 6.0.0, and this stack runs Superset 5.0.0")]
    [InlineData("  superset:image: apache/superset:6.0.0-dev\n", "HORIZONTAL_FILTER_BAR", "HORIZONTAL_FILTER_BAR was removed in 6.0.0, and this stack runs Superset 6.0.0")]
    // In the 6.1.0 docs list the catalog used to carry for both releases; in neither pinned release.
    [InlineData("", "MATRIXIFY", "a feature flag of Superset 5.0.0's DEFAULT_FEATURE_FLAGS (apache/superset superset/config.py@5.0.0")]
    [InlineData("  superset:image: apache/superset:6.0.0-dev\n", "MATRIXIFY", "a feature flag of Superset 6.0.0's DEFAULT_FEATURE_FLAGS (apache/superset superset/config.py@6.0.0")]
    [InlineData("  superset:image: apache/superset:6.0.0-dev\n", "DATASET_FOLDER", "did you mean DATASET_FOLDERS? ")]
    public void A_flag_the_stack_s_release_lacks_is_refused_naming_the_release(string image, string flag, string expected)
    {
        var ex = Assert.Throws<Configuration.SettingsException>(() => PlannerTests.PlanOf($"config:\n{image}  superset:featureFlags:\n    {flag}: true\n"));
        var e = Assert.Single(ex.Errors);
        Assert.Equal($"superset:featureFlags.{flag}", e.Key);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
        if (flag == "MATRIXIFY")
        {
            Assert.DoesNotContain(" in 6.0.0", e.Expected, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_flag_of_the_stack_s_release_only_is_accepted_and_reaches_the_file()
    {
        // HORIZONTAL_FILTER_BAR: in superset/config.py@5.0.0, not in the 6.1.0 list the catalog carried before.
        var plan = PlannerTests.PlanOf("config:\n  superset:featureFlags:\n    HORIZONTAL_FILTER_BAR: true\n");
        Assert.True(ConfigExec.Run(plan, "print(json.dumps(c.FEATURE_FLAGS))").GetProperty("HORIZONTAL_FILTER_BAR").GetBoolean());
        var six = PlannerTests.PlanOf("config:\n  superset:image: apache/superset:6.0.0-dev\n  superset:featureFlags:\n    AG_GRID_TABLE_ENABLED: true\n");
        Assert.True(ConfigExec.Run(six, "print(json.dumps(c.FEATURE_FLAGS))").GetProperty("AG_GRID_TABLE_ENABLED").GetBoolean());
    }

    [Fact]
    public void Where_a_flag_lives_is_told_only_for_a_flag_of_another_release()
    {
        Assert.Equal("added in 6.0.0", SupersetFeatureFlags.Elsewhere("CSS_TEMPLATES", SupersetReleases.V5_0));
        Assert.Equal("removed in 6.0.0", SupersetFeatureFlags.Elsewhere("HORIZONTAL_FILTER_BAR", SupersetReleases.V6_0));
        Assert.Null(SupersetFeatureFlags.Elsewhere("DASHBOARD_RBAC", SupersetReleases.V5_0));
        Assert.Null(SupersetFeatureFlags.Elsewhere("NOT_A_FLAG", SupersetReleases.V6_0));
    }
}
