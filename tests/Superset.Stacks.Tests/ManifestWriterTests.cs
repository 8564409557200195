using Superset.Analysis.Render;
using Xunit;

namespace Superset.Stacks.Tests;

public sealed class ManifestWriterTests
{
    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] items) => items.ToDictionary(i => i.Key, i => i.Value);

    [Fact]
    public void A_kubernetes_secret_is_written_with_its_values_masked()
    {
        var secret = new RenderedResource("kubernetes:core/v1:Secret", "credentials-secret", Map(
            ("apiVersion", "v1"), ("kind", "Secret"),
            ("metadata", Map(("name", "superset-credentials"))),
            ("stringData", Map(("database-password", "hunter2"), ("secret-key", "abc")))));
        var (file, yaml) = ManifestWriter.Render(secret);
        Assert.Equal("k8s-secret-superset-credentials.yaml", file);
        Assert.DoesNotContain("hunter2", yaml, StringComparison.Ordinal);
        Assert.Contains("database-password: (secret)", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_numbers_are_written_as_integers_and_volume_secret_references_are_kept()
    {
        var deployment = new RenderedResource("kubernetes:apps/v1:Deployment", "web-deployment", Map(
            ("apiVersion", "apps/v1"), ("kind", "Deployment"),
            ("metadata", Map(("name", "superset-web"))),
            ("spec", Map(("replicas", 3.0), ("volumes", new List<object?> { Map(("name", "cfg"), ("secret", Map(("secretName", "superset-config")))) })))));
        var (_, yaml) = ManifestWriter.Render(deployment);
        Assert.Contains("replicas: 3\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("secretName: superset-config", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Fractional_engine_numbers_stay_numbers()
    {
        var alarm = new RenderedResource("aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-db-cpu", Map(("threshold", 80.5), ("evaluationPeriods", 3.0)));
        var (_, yaml) = ManifestWriter.Render(alarm);
        Assert.Contains("threshold: 80.5\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("evaluationPeriods: 3\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_resources_keep_type_and_name_and_mask_credential_inputs()
    {
        var rds = new RenderedResource("aws:rds/instance:Instance", "metadata-db", Map(("instanceClass", "db.r6g.large"), ("password", "hunter2")));
        var (file, yaml) = ManifestWriter.Render(rds);
        Assert.Equal("resource-aws-rds-instance-instance-metadata-db.yaml", file);
        Assert.Contains("type: aws:rds/instance:Instance", yaml, StringComparison.Ordinal);
        Assert.Contains("password: (secret)", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_that_look_like_numbers_or_booleans_stay_strings()
    {
        // An env value "5432" or an annotation "false" written plain would be read back as a
        // number or a boolean, which Kubernetes refuses (EnvVar.value and annotations are strings).
        var deployment = new RenderedResource("kubernetes:apps/v1:Deployment", "web-deployment", Map(
            ("apiVersion", "apps/v1"), ("kind", "Deployment"),
            ("metadata", Map(("name", "superset-web"), ("annotations", Map(("nginx.ingress.kubernetes.io/ssl-redirect", "false"))))),
            ("spec", Map(("env", new List<object?> { Map(("name", "DATABASE_PORT"), ("value", "5432")) })))));
        var (_, yaml) = ManifestWriter.Render(deployment);
        Assert.Contains("value: \"5432\"", yaml, StringComparison.Ordinal);
        Assert.Contains("ssl-redirect: \"false\"", yaml, StringComparison.Ordinal);
    }
}
