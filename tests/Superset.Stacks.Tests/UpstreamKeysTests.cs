using System.Text.RegularExpressions;
using Superset.Artifacts;
using Superset.Catalog;
using Superset.Planning.Workloads.CeleryExporter;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// Generated settings that only mean something to an upstream program: Superset's proxy and
/// database TLS keys, celery-exporter's default queue, and the image build's dependency pins.
/// </summary>
public sealed partial class UpstreamKeysTests
{
    [Fact]
    public void Behind_the_tls_ingress_superset_trusts_one_proxy_hop_and_builds_https_urls()
    {
        var tls = SupersetConfigPyTests.Load("config:\n  superset:ingress:\n    host: bi.example.com\n    tlsSecretName: bi-tls\n");
        var plain = SupersetConfigPyTests.Load("config:\n  superset:tier: small\n");

        Assert.True(tls.GetProperty("proxy_fix").GetBoolean());
        // werkzeug ProxyFix: one trusted hop per header (apache/superset superset/config.py@5.0.0 PROXY_FIX_CONFIG).
        foreach (var header in new[] { "x_for", "x_proto", "x_host", "x_port", "x_prefix" })
        {
            Assert.Equal(1, tls.GetProperty("proxy_fix_config").GetProperty(header).GetInt32());
        }

        Assert.Equal("https", tls.GetProperty("url_scheme").GetString());
        Assert.Equal("http", plain.GetProperty("url_scheme").GetString());
    }

    [Fact]
    public void Celery_exporter_labels_unseen_tasks_with_the_queue_celery_sends_them_to()
    {
        var c = SupersetConfigPyTests.Load("config:\n  superset:tier: small\n");
        var args = CeleryExporterCommand.Args(["default", "exports"]);

        // danihodovic/celery-exporter src/cli.py@v0.12.2: --default-queue-name defaults to "celery".
        Assert.Contains($"--default-queue-name={c.GetProperty("default_queue").GetString()}", args);
        Assert.Contains("--queues=default,exports", args);
    }

    [Fact]
    public void With_a_root_certificate_the_database_uri_asks_libpq_to_verify_the_server_against_it()
    {
        var env = new Dictionary<string, string> { [SupersetEnv.DatabaseSslMode] = "verify-full", [SupersetEnv.DatabaseSslRootCert] = SupersetEnv.RdsCaBundlePath };
        var verified = SupersetConfigPyTests.Load("config:\n  superset:tier: small\n", "web", env).GetProperty("db").GetString()!;
        var plain = SupersetConfigPyTests.Load("config:\n  superset:tier: small\n").GetProperty("db").GetString()!;

        Assert.EndsWith("?sslmode=verify-full&sslrootcert=%2Fapp%2Frds-ca%2Fglobal-bundle.pem", verified, StringComparison.Ordinal);
        Assert.EndsWith("?sslmode=disable", plain, StringComparison.Ordinal);
    }

    private static string Dockerfile => File.ReadAllText(Path.Combine(PlannerTests.RepoRoot(), "docker", "Dockerfile"));

    [Fact]
    public void The_image_build_puts_the_rds_ca_bundle_where_verify_full_looks_for_it()
    {
        Assert.Matches($@"(?m)^(ADD|COPY|RUN)\b.*{Regex.Escape(SupersetEnv.RdsCaBundlePath)}", Dockerfile);
    }

    [Fact]
    public void The_image_build_is_of_a_catalogued_release_and_keeps_superset_s_own_dependency_pins()
    {
        var from = FromLine().Match(Dockerfile);
        Assert.True(from.Success, "docker/Dockerfile has no FROM apache/superset:<tag>");
        var release = SupersetReleases.All[SupersetReleases.VersionOfImage("apache/superset:" + from.Groups[1].Value)!];

        var installed = Pinned().Matches(Dockerfile).Select(m => (Package: m.Groups[1].Value.ToLowerInvariant(), Version: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(installed);
        foreach (var (package, version) in installed)
        {
            Assert.True(release.DependencyPins.TryGetValue(package, out var spec) ? Satisfies(version, spec) : true,
                $"docker/Dockerfile installs {package}=={version}, outside Superset {release.Version}'s pin {spec}");
        }

        // The one driver the image needs, pinned as Superset's own `postgres` extra pins it.
        Assert.Contains(installed, i => i.Package == "psycopg2-binary");
    }

    [Theory]
    [InlineData("5.2.1", ">=4.6.0,<5.0", false)]
    [InlineData("4.6.0", ">=4.6.0,<5.0", true)]
    [InlineData("2.9.6", "==2.9.6", true)]
    [InlineData("2.9.10", "==2.9.6", false)]
    public void The_pin_check_judges_versions(string version, string spec, bool ok) => Assert.Equal(ok, Satisfies(version, spec));

    private static bool Satisfies(string version, string spec) => spec.Split(',', StringSplitOptions.TrimEntries).All(clause =>
    {
        var op = new string(clause.TakeWhile(ch => "<>=!".Contains(ch, StringComparison.Ordinal)).ToArray());
        var cmp = Compare(version, clause[op.Length..]);
        return op switch { "==" => cmp == 0, ">=" => cmp >= 0, "<" => cmp < 0, "<=" => cmp <= 0, ">" => cmp > 0, "!=" => cmp != 0, _ => throw new ArgumentException(clause) };
    });

    private static int Compare(string a, string b)
    {
        var x = a.Split('.').Select(int.Parse).ToArray();
        var y = b.Split('.').Select(int.Parse).ToArray();
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var d = (i < x.Length ? x[i] : 0).CompareTo(i < y.Length ? y[i] : 0);
            if (d != 0)
            {
                return d;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"(?m)^FROM apache/superset:(\S+)")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"\b([A-Za-z0-9_.-]+)==([0-9][0-9.]*)\b")]
    private static partial Regex Pinned();
}
