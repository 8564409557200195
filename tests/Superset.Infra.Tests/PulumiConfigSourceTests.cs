using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// Under `pulumi preview` and `up` the program sees the stack's config through the variables the
/// language host sets (pulumi/pulumi-dotnet sdk/Pulumi/Deployment/Deployment_Config.cs@v3.112.1):
/// every key, to refuse typos and bare keys, and which keys are secrets, to refuse a plain one.
/// </summary>
public sealed class PulumiConfigSourceTests
{
    private const string Config = """{"superset:tier":"medium","superset:config:namespace":"bi","supersett:web":"{}","aws:region":"eu-west-1","superset:smtpPassword":"hunter2"}""";

    [Fact]
    public void Every_key_is_listed_with_its_namespace_and_the_old_config_infix_removed()
    {
        Assert.Equal(["superset:tier", "superset:namespace", "supersett:web", "aws:region", "superset:smtpPassword"], PulumiConfigSource.AllKeysOf(Config));
        Assert.Equal(["tier", "namespace", "smtpPassword"], PulumiConfigSource.KeysOf(Config));
    }

    [Fact]
    public void A_key_is_secret_only_when_the_language_host_lists_it()
    {
        Assert.True(PulumiConfigSource.IsSecretIn("""["superset:smtpPassword"]""", "smtpPassword"));
        Assert.True(PulumiConfigSource.IsSecretIn("""["superset:config:smtpPassword"]""", "smtpPassword"));
        Assert.False(PulumiConfigSource.IsSecretIn("""["aws:secretKey"]""", "smtpPassword"));
        Assert.Null(PulumiConfigSource.IsSecretIn(null, "smtpPassword"));
    }

    [Fact]
    public void Without_the_variables_nothing_is_known_and_nothing_is_refused_for_it()
    {
        Assert.Null(PulumiConfigSource.AllKeysOf(null));
        Assert.Null(PulumiConfigSource.KeysOf(""));
    }
}
