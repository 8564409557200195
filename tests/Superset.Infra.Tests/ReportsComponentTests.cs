using Pulumi;
using Superset.Artifacts;
using Superset.Catalog;
using Superset.Components.Kubernetes;
using Superset.Planning.Workloads;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>What reports need from the pods: the SMTP password from the Secret, and the image's browser left visible.</summary>
[Collection("pulumi")]
public sealed class ReportsComponentTests
{
    private const string Yaml =
        "config:\n  superset:reports:\n    enabled: true\n    smtp:\n      host: smtp.example.com\n      user: superset\n      mailFrom: superset@example.com\n" +
        "  superset:smtpPassword:\n    secure: AAABAKxEbwAAAA==\n";

    [Fact]
    public async Task The_smtp_password_reaches_the_pods_only_through_the_credentials_secret()
    {
        var run = await Harness.YamlAsync(Yaml, secret: key => Output.CreateSecret($"SECRET-{key}"));

        var stringData = run.Object("Secret", "superset-credentials").Map("stringData");
        Assert.Equal("SECRET-smtpPassword", stringData[CredentialKeys.SmtpPassword]);
        foreach (var name in new[] { "superset-web", "superset-worker-reports", "superset-beat" })
        {
            var env = run.Object("Deployment", name).Pod.Items("containers")[0].Named("env");
            Assert.Equal(CredentialKeys.SmtpPassword, env[SupersetEnv.SmtpPassword].At("valueFrom.secretKeyRef.key"));
            Assert.Null(env[SupersetEnv.SmtpPassword].At("value"));
        }

        Assert.DoesNotContain(run.Manifests.Where(m => m.Kind != "Secret"), m => System.Text.Json.JsonSerializer.Serialize(m.Body).Contains("SECRET-smtpPassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_reports_no_smtp_key_is_in_the_secret()
    {
        var run = await Harness.StackAsync("dev");

        Assert.False(run.Object("Secret", "superset-credentials").Map("stringData").ContainsKey(CredentialKeys.SmtpPassword));
    }

    [Fact]
    public async Task No_volume_hides_what_the_image_keeps_in_the_superset_user_s_home()
    {
        var run = await Harness.StackAsync("dev");
        foreach (var name in new[] { "superset-web", "superset-worker-exports", "superset-worker-reports", "superset-beat" })
        {
            var container = run.Object("Deployment", name).Pod.Items("containers")[0];
            var mounts = container.Items("volumeMounts").Select(m => (string)m.At("mountPath")!).ToList();
            // The -dev image's Chromium lives under /app/superset_home/.cache/ms-playwright (apache/superset Dockerfile@5.0.0).
            Assert.DoesNotContain(mounts, p => SupersetReleases.V5_0.DevImageBrowsersPath!.StartsWith(p, StringComparison.Ordinal) && p != "/");
            Assert.Contains(SupersetPodTemplate.WritableHome, mounts);
            Assert.Equal(SupersetPodTemplate.WritableHome, container.Named("env")["SUPERSET_HOME"].At("value"));
            Assert.Equal(SupersetPodTemplate.WritableHome, container.Named("env")["HOME"].At("value"));
        }
    }
}
