using Xunit;

namespace Superset.Infra.Tests;

/// <summary>Async queries' websocket server and Flower: present only when enabled, secrets from Pulumi.Random, never open without auth.</summary>
[Collection("pulumi")]
public sealed class AsyncQueryComponentTests
{
    private const string Ws = "config:\n  superset:asyncQueries:\n    transport: ws\n    websocketImage: registry.example.com/superset-websocket:5.0.0\n";

    [Fact]
    public async Task Polling_is_the_default_and_declares_no_websocket_server_and_no_flower()
    {
        var run = await Harness.StackAsync("dev");
        Assert.DoesNotContain(run.All("Deployment"), d => d.Name is "superset-websocket" or "superset-flower");
        Assert.Single(run.Object("Ingress", "superset").List("spec.rules.0.http.paths"));
    }

    [Fact]
    public async Task Every_superset_process_gets_the_jwt_secret_from_the_generated_credentials()
    {
        var run = await Harness.StackAsync("dev");
        foreach (var (deployment, container) in new[] { ("superset-web", "web"), ("superset-worker-default", "worker") })
        {
            var env = run.Object("Deployment", deployment).Pod.Container(container).Named("env");
            Assert.Equal("async-queries-jwt-secret", env["SUPERSET_GAQ_JWT_SECRET"].At("valueFrom.secretKeyRef.key"));
        }

        var jwt = run.Recorded.Single(r => r.Type == "random:index/randomPassword:RandomPassword" && r.Name.EndsWith("async-queries-jwt", StringComparison.Ordinal));
        Assert.True(Convert.ToInt32(jwt.Inputs["length"], System.Globalization.CultureInfo.InvariantCulture) >= 32);
    }

    [Fact]
    public async Task The_websocket_transport_adds_its_server_behind_ws_with_the_same_secret_and_the_cache_redis()
    {
        var run = await Harness.YamlAsync(Ws);
        var deployment = run.Object("Deployment", "superset-websocket");
        var env = deployment.Pod.Container("websocket").Named("env");

        Assert.Equal("registry.example.com/superset-websocket:5.0.0", deployment.Pod.Container("websocket").At("image"));
        Assert.Equal("async-queries-jwt-secret", env["JWT_SECRET"].At("valueFrom.secretKeyRef.key"));
        Assert.StartsWith("superset-redis-cache.", (string)env["REDIS_HOST"].At("value")!, StringComparison.Ordinal);
        Assert.Equal("2", env["REDIS_DB"].At("value"));
        var paths = run.Object("Ingress", "superset").Items("spec.rules.0.http.paths");
        Assert.Equal("superset-websocket", paths.Single(p => (string?)p.At("path") == "/ws").At("backend.service.name"));
    }

    [Fact]
    public async Task The_websocket_transport_without_an_image_is_refused_naming_the_key()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Harness.YamlAsync("config:\n  superset:asyncQueries:\n    transport: ws\n"));
        Assert.Contains("superset:asyncQueries.websocketImage", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flower_always_asks_for_a_generated_password_and_without_ingress_has_no_path()
    {
        var run = await Harness.YamlAsync("config:\n  superset:flower:\n    enabled: true\n");
        var env = run.Object("Deployment", "superset-flower").Pod.Container("flower").Named("env");

        Assert.Equal("admin:$(FLOWER_PASSWORD)", env["FLOWER_BASIC_AUTH"].At("value"));
        Assert.Equal("flower-password", env["FLOWER_PASSWORD"].At("valueFrom.secretKeyRef.key"));
        Assert.DoesNotContain(Harness.RandomValueOf("credentials-flower"), System.Text.Json.JsonSerializer.Serialize(env.Values.Select(e => e.Body)), StringComparison.Ordinal);
        Assert.Single(run.Object("Ingress", "superset").List("spec.rules.0.http.paths"));
    }

    [Fact]
    public async Task Flower_behind_the_ingress_is_still_behind_its_basic_auth()
    {
        var run = await Harness.YamlAsync("config:\n  superset:flower:\n    enabled: true\n    ingress: true\n");
        var env = run.Object("Deployment", "superset-flower").Pod.Container("flower").Named("env");
        var paths = run.Object("Ingress", "superset").Items("spec.rules.0.http.paths");

        Assert.Equal("superset-flower", paths.Single(p => (string?)p.At("path") == "/flower").At("backend.service.name"));
        Assert.Equal("flower", env["FLOWER_URL_PREFIX"].At("value"));
        Assert.StartsWith("admin:", (string)env["FLOWER_BASIC_AUTH"].At("value")!, StringComparison.Ordinal);
    }
}
