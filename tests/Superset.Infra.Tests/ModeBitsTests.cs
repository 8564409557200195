using System.Globalization;
using Superset.Analysis.Render;
using Superset.Components.Kubernetes;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The mode bits of every volume the program renders. Kubernetes takes them as decimal numbers
/// ("an octal value between 0000 and 0777 or a decimal value between 0 and 511 ... JSON requires
/// decimal values for mode bits", kubernetes/api core/v1/types.go@v0.36.1), and C# has no octal
/// literal: a <c>0440</c> written in C# is the decimal 440, octal 0670, group-writable.
/// </summary>
[Collection("pulumi")]
public sealed class ModeBitsTests
{
    /// <summary>Write permission for the group (0020) or for others (0002).</summary>
    private const long GroupOrOtherWrite = 0b000_010_010;

    [Theory]
    [InlineData("0440", 288)]
    [InlineData("440", 288)]
    [InlineData("0644", 420)]
    [InlineData("0777", 511)]
    [InlineData("0", 0)]
    public void Octal_text_is_read_as_octal(string text, int expected) => Assert.Equal(expected, ModeBits.Octal(text));

    [Theory]
    [InlineData("0800")]
    [InlineData("1000")]
    [InlineData("04400")]
    [InlineData("-440")]
    [InlineData("")]
    public void Anything_but_a_mode_Kubernetes_accepts_is_refused(string text) =>
        Assert.ThrowsAny<ArgumentException>(() => ModeBits.Octal(text));

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_rendered_mode_is_a_valid_mode_that_no_group_or_other_can_write(string stack)
    {
        var modes = Modes(await Harness.StackAsync(stack)).ToList();

        Assert.NotEmpty(modes);
        Assert.All(modes, m =>
        {
            Assert.InRange(m.Mode, 0, ModeBits.Max);
            Assert.True((m.Mode & GroupOrOtherWrite) == 0, $"{m.Where}: mode {Convert.ToString(m.Mode, 8)} (decimal {m.Mode}) lets the group or others write");
        });
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_config_secret_is_mounted_0440_in_every_superset_pod(string stack)
    {
        var run = await Harness.StackAsync(stack);
        var pods = run.Manifests.Where(m => m.Kind is "Deployment" or "Job" && m.Pod.Named("volumes").ContainsKey("superset-config")).ToList();

        Assert.Contains(pods, p => p.Name == "superset-web");
        Assert.All(pods, p =>
        {
            var config = p.Pod.Named("volumes")["superset-config"];
            Assert.NotNull(config.At("secret.secretName"));
            Assert.Equal(Convert.ToInt32("0440", 8), Convert.ToInt32(config.At("secret.defaultMode"), CultureInfo.InvariantCulture));
        });
    }

    /// <summary>Every <c>defaultMode</c> and <c>mode</c> under a <c>volumes</c> list of any resource (Helm values included).</summary>
    private static IEnumerable<(string Where, long Mode)> Modes(Run run) =>
        run.Recorded.SelectMany(r => Walk(ManifestWriter.ToPlain(r.Inputs), $"{r.Type} {r.Name}", underVolumes: false));

    private static IEnumerable<(string Where, long Mode)> Walk(object? node, string path, bool underVolumes) => node switch
    {
        Dictionary<string, object?> d => d.SelectMany(kv => kv.Key is "defaultMode" or "mode" && underVolumes && kv.Value is not null and not string
            ? [($"{path}.{kv.Key}", Convert.ToInt64(kv.Value, CultureInfo.InvariantCulture))]
            : Walk(kv.Value, $"{path}.{kv.Key}", underVolumes || kv.Key == "volumes")),
        List<object?> l => l.SelectMany((v, i) => Walk(v, $"{path}.{i}", underVolumes)),
        _ => [],
    };
}
