using System.Text.Json;
using Superset.Artifacts;
using Superset.Catalog;
using Superset.Configuration;
using Superset.Planning.Sizing;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// The catalog of Superset releases against the generated settings: Celery (Debian's real Celery,
/// loading the generated file) imports only modules the release has and routes only its tasks.
/// </summary>
public sealed class SupersetReleasesTests
{
    private static IEnumerable<string> Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!);

    [Fact]
    public void The_default_image_is_superset_5_0_and_imports_and_routes_only_what_5_0_has()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:tier: small\n");
        var c = SupersetConfigPyTests.Load("config:\n  superset:tier: small\n");

        Assert.Same(SupersetReleases.V5_0, plan.Release);
        // apache/superset superset/config.py@5.0.0 CeleryConfig.imports, and async_queries (GLOBAL_ASYNC_QUERIES is on).
        Assert.Equal(["superset.sql_lab", "superset.tasks.scheduler", "superset.tasks.thumbnails", "superset.tasks.cache", "superset.tasks.async_queries"],
            Strings(c.GetProperty("imports")));
        Assert.DoesNotContain("superset.tasks.slack", Strings(c.GetProperty("imports")));
        Assert.DoesNotContain(TaskRouting.Routes(plan), r => r.Task == "slack.cache_channels");
    }

    [Fact]
    public void A_6_0_image_imports_the_slack_module_and_routes_its_task_to_the_cache_pool()
    {
        const string yaml = "config:\n  superset:image: apache/superset:6.0.0-dev\n";
        var c = SupersetConfigPyTests.Load(yaml);

        Assert.Same(SupersetReleases.V6_0, PlannerTests.PlanOf(yaml).Release);
        Assert.Contains("superset.tasks.slack", Strings(c.GetProperty("imports")));
        Assert.Equal("cache", c.GetProperty("routes").GetProperty("slack.cache_channels").GetString());
    }

    [Fact]
    public void With_async_queries_off_nothing_imports_the_async_queries_module()
    {
        var c = SupersetConfigPyTests.Load("config:\n  superset:asyncQueries:\n    enabled: false\n");

        Assert.DoesNotContain("superset.tasks.async_queries", Strings(c.GetProperty("imports")));
        Assert.False(c.GetProperty("flags").GetProperty(SupersetReleases.GlobalAsyncQueries).GetBoolean());
    }

    [Theory]
    [InlineData("apache/superset:5.0.0-dev", true)]
    [InlineData("apache/superset:5.0.0-dev", false)]
    [InlineData("apache/superset:6.0.0-dev", true)]
    [InlineData("apache/superset:6.0.0-dev", false)]
    public void Every_imported_module_and_routed_task_is_in_the_release_s_catalog(string image, bool asyncQueries)
    {
        var plan = PlannerTests.PlanOf($"config:\n  superset:image: {image}\n  superset:asyncQueries:\n    enabled: {(asyncQueries ? "true" : "false")}\n");
        var release = plan.Release;
        var known = release.DefaultImports.Concat(release.Modules).ToHashSet(StringComparer.Ordinal);

        Assert.All(SupersetConfigPy.Imports(plan), m => Assert.Contains(m, known));
        Assert.All(SupersetConfigPy.Imports(plan), m =>
            Assert.True(!release.GatedImports.TryGetValue(m, out var flag) || SupersetConfigPy.EnabledFlags(plan).Contains(flag), $"{m} is imported with its feature off"));
        Assert.All(TaskRouting.Routes(plan), r => Assert.Contains(r.Task, release.Tasks.Select(t => t.Name)));
        // Superset's own list is always imported: tasks Superset sends by name must be registered.
        Assert.All(release.DefaultImports, m => Assert.Contains(m, SupersetConfigPy.Imports(plan)));
    }

    [Fact]
    public void Every_fact_cites_its_upstream_file_at_the_release_s_tag()
    {
        foreach (var release in SupersetReleases.All.Values)
        {
            Assert.All(release.Tasks, t => Assert.Matches($"^apache/superset superset/[a-z_/]+\\.py@{System.Text.RegularExpressions.Regex.Escape(release.Tag)}$", t.Source));
            Assert.StartsWith(release.Version + ".", release.Tag, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("apache/superset:5.0.0-dev", "5.0")]
    [InlineData("registry.example.com/team/superset:5.0.0-pg", "5.0")]
    [InlineData("localhost:5000/superset:6.0.0", "6.0")]
    [InlineData("apache/superset:6.0.0rc2", "6.0")]
    [InlineData("registry.example.com/superset:build-1234", null)]
    [InlineData("registry.example.com/superset@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", null)]
    public void The_version_is_read_from_the_image_tag(string image, string? version) =>
        Assert.Equal(version, SupersetReleases.VersionOfImage(image));

    [Fact]
    public void An_image_of_a_release_outside_the_catalog_is_refused_naming_the_image_key()
    {
        var ex = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf("config:\n  superset:image: apache/superset:4.1.2-dev\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("superset:image", error.Key);
        Assert.Contains("5.0, 6.0", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apache/superset:5.0.0", false)]
    [InlineData("apache/superset:6.0.0-py311", false)]
    [InlineData("apache/superset:5.0.0-dev", true)]
    [InlineData("registry.example.com/superset:5.0.0-pg", null)]
    [InlineData("apache/superset@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", null)]
    public void Only_the_official_dev_images_are_known_to_have_a_postgresql_driver(string image, bool? has)
    {
        Assert.Equal(has, SupersetReleases.HasPostgresDriver(image));
    }

    [Fact]
    public void An_official_lean_image_is_refused_for_its_missing_postgresql_driver()
    {
        var ex = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf("config:\n  superset:image: apache/superset:5.0.0\n"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("superset:image", error.Key);
        Assert.Contains("PostgreSQL driver", error.Expected, StringComparison.Ordinal);
        Assert.Contains("docker/Dockerfile", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_digest_needs_superset_version_and_gets_that_release()
    {
        const string digest = "registry.example.com/superset@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var ex = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf($"config:\n  superset:image: {digest}\n"));
        Assert.Equal("superset:supersetVersion", Assert.Single(ex.Errors).Key);

        var plan = PlannerTests.PlanOf($"config:\n  superset:image: {digest}\n  superset:supersetVersion: \"6.0\"\n");
        Assert.Same(SupersetReleases.V6_0, plan.Release);
    }

    [Fact]
    public void A_superset_version_that_contradicts_the_tag_or_the_catalog_is_refused()
    {
        var contradicts = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf("config:\n  superset:image: apache/superset:5.0.0-dev\n  superset:supersetVersion: \"6.0\"\n"));
        var unknown = Assert.Throws<SettingsException>(() => PlannerTests.PlanOf("config:\n  superset:image: registry.example.com/superset:build-1\n  superset:supersetVersion: \"4.1\"\n"));

        Assert.Equal("superset:supersetVersion", Assert.Single(contradicts.Errors).Key);
        Assert.Contains("5.0", contradicts.Errors[0].Expected, StringComparison.Ordinal);
        Assert.Equal(("superset:supersetVersion", "4.1"), (Assert.Single(unknown.Errors).Key, unknown.Errors[0].Value));
    }
}
