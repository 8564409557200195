using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Planning.Sizing;
using Xunit;

namespace Superset.Stacks.Tests;

public class WorkerFormulaTests
{
    [Theory]
    [InlineData(100, 800, "0", "1.3", 104)]   // docs/sources/worker-sizing.md, step 4
    [InlineData(100, 800, "0.75", "1.3", 26)] // docs/sources/worker-sizing.md, step 6
    [InlineData(50, 400, "0", "1.2", 24)]     // docs/sources/worker-sizing.md, pattern 1
    [InlineData(500, 800, "0.70", "1.3", 156)] // exact in decimal, 157 in double
    public void Seed_examples_come_out_exactly(int users, int latency, string hit, string margin, int expected) =>
        Assert.Equal(expected, WorkerFormula.RequiredWorkers(new SizingInputs(users, latency, decimal.Parse(hit), decimal.Parse(margin))));

    [Fact]
    public void Stack_file_overrides_tier_defaults()
    {
        var s = SettingsLoader.Load(StackFile.Parse("config:\n  superset:tier: medium\n  superset:sizing:\n    peakConcurrentUsers: 100\n", "t.yaml"));
        Assert.Equal(TierName.Medium, s.Tier);
        Assert.Equal(100, s.Sizing.PeakConcurrentUsers);
        Assert.Equal(800, s.Sizing.P95LatencyMs);
    }

    [Theory]
    [InlineData("config:\n  superset:tier: huge\n", "superset:tier")]
    [InlineData("config:\n  superset:sizing:\n    cacheHitRate: 1\n", "superset:sizing.cacheHitRate")]
    [InlineData("config:\n  superset:sizing:\n    peakConcurrentUsers: 0\n", "superset:sizing.peakConcurrentUsers")]
    [InlineData("config:\n  superset:sizing:\n    safetyMargin: 3\n", "superset:sizing.safetyMargin")]
    [InlineData("config:\n  superset:sizing:\n    p95LatencyMs: abc\n", "superset:sizing.p95LatencyMs")]
    [InlineData("config:\n  superset:image: apache/superset\n", "superset:image")]
    [InlineData("config:\n  superset:image: apache/superset:latest\n", "superset:image")]
    [InlineData("config:\n  superset:ingress:\n    host: Not_A_Host\n", "superset:ingress.host")]
    [InlineData("config:\n  superset:ingress:\n    hots: superset.example.com\n", "superset:ingress.hots")]
    [InlineData("config:\n  superset:queues:\n    default:\n      enabled: false\n", "superset:queues.default.enabled")]
    [InlineData("config:\n  superset:queues:\n    Bad_Name: {}\n", "superset:queues.Bad_Name")]
    [InlineData("config:\n  superset:dataServices: aws\n", "superset:aws.vpcId")]
    [InlineData("config:\n  superset:dataServices: aws\n  superset:aws:\n    privateSubnetIds: [subnet-0123456789abcdef0]\n", "superset:aws.privateSubnetIds")]
    [InlineData("config:\n  superset:aws:\n    vpcId: vpc-xyz\n", "superset:aws.vpcId")]
    public void Bad_input_names_the_key(string yaml, string key)
    {
        var ex = Assert.Throws<SettingsException>(() => SettingsLoader.Load(StackFile.Parse(yaml, "t.yaml")));
        Assert.Contains(ex.Errors, e => e.Key == key);
    }

    [Theory]
    [InlineData("apache/superset:5.0.0-dev")]
    [InlineData("registry.example.com:5000/team/superset:5.0.0-pg")]
    [InlineData("ghcr.io/acme/superset@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Pinned_images_are_accepted(string image) =>
        Assert.Equal(image, SettingsLoader.Load(StackFile.Parse($"config:\n  superset:image: \"{image}\"\n  superset:supersetVersion: \"5.0\"\n", "t.yaml")).Image);

    [Fact]
    public void Duplicate_queue_names_are_refused_with_their_line() =>
        Assert.Throws<SettingsException>(() => StackFile.Parse("config:\n  superset:queues:\n    exports: {}\n    exports: {}\n", "t.yaml"));

    [Fact]
    public void Malformed_yaml_is_a_settings_error() =>
        Assert.Throws<SettingsException>(() => StackFile.Parse("config: [unclosed", "t.yaml"));
}
