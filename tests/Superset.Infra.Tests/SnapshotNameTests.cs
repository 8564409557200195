using Superset.Components.Aws;
using Xunit;

namespace Superset.Infra.Tests;

/// <summary>
/// The final snapshots a stack's delete leaves behind: one name per project and stack, valid for RDS
/// ("1 to 255 letters, numbers, or hyphens; First character must be a letter; Can't end with a hyphen
/// or contain two consecutive hyphens", boto/botocore botocore/data/rds/2014-10-31/service-2.json@1.43.67).
/// </summary>
[Collection("pulumi")]
public sealed class SnapshotNameTests
{
    private static string ProdYaml => File.ReadAllText(Path.Combine(Harness.RepoRoot(), "Pulumi.prod.yaml"));

    /// <summary>The RDS instance's and each replication group's final snapshot of a stack rendered from prod's file.</summary>
    private static async Task<(string? Database, List<string?> Caches)> FinalSnapshotsOf(string stack)
    {
        var run = await Harness.YamlAsync(ProdYaml, stack);
        var db = Manifest.Of(run.Recorded.Single(r => r.Type == "aws:rds/instance:Instance"));
        var caches = run.Recorded.Where(r => r.Type == "aws:elasticache/replicationGroup:ReplicationGroup")
            .Select(r => (string?)Manifest.Of(r).At("finalSnapshotIdentifier")).ToList();
        return ((string?)db.At("finalSnapshotIdentifier"), caches);
    }

    [Fact]
    public async Task Two_stacks_of_one_project_leave_final_snapshots_of_different_valid_names()
    {
        var prod = await FinalSnapshotsOf("prod");
        var staging = await FinalSnapshotsOf("staging");

        Assert.Equal("superset-prod-final", prod.Database);
        Assert.Equal("superset-staging-final", staging.Database);
        Assert.True(DbSnapshotIdentifier.IsValid(prod.Database!) && DbSnapshotIdentifier.IsValid(staging.Database!));

        // ElastiCache keeps no final snapshot (finalSnapshotIdentifier unset): nothing to collide.
        // Should one be set, it must differ per stack too.
        var cacheSnapshots = prod.Caches.Concat(staging.Caches).OfType<string>().ToList();
        Assert.Equal(cacheSnapshots.Count, cacheSnapshots.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("eu_west.prod")]
    [InlineData("Prod")]
    [InlineData("2026-blue")]
    [InlineData("a--b-")]
    public async Task A_stack_name_rds_would_refuse_is_rewritten_to_a_valid_name_of_its_own(string stack)
    {
        var (db, _) = await FinalSnapshotsOf(stack);

        Assert.NotNull(db);
        Assert.True(DbSnapshotIdentifier.IsValid(db), $"{stack}: {db}");
        Assert.StartsWith("superset-", db, StringComparison.Ordinal);
        Assert.NotEqual((await FinalSnapshotsOf("prod")).Database, db);
    }

    [Theory]
    [InlineData("my_stack", "my.stack")]
    [InlineData("my_stack", "my-stack")]
    [InlineData("Prod", "prod")]
    public void Names_that_rewrite_alike_stay_apart(string one, string other) =>
        Assert.NotEqual(DbSnapshotIdentifier.FinalOf("superset", one), DbSnapshotIdentifier.FinalOf("superset", other));

    [Theory]
    [InlineData("superset", "prod")]
    [InlineData("1project", "dev")]
    [InlineData("_", "_")]
    [InlineData("superset", "a-very-long-stack-name-repeated-a-very-long-stack-name-repeated-a-very-long-stack-name-repeated-a-very-long-stack-name-repeated-a-very-long-stack-name-repeated-a-very-long-stack-name-repeated-a-very-long-stack-name-repeated-a-very-long-stack-name-repeated")]
    public void Every_name_is_one_rds_accepts(string project, string stack)
    {
        var name = DbSnapshotIdentifier.FinalOf(project, stack);

        Assert.True(DbSnapshotIdentifier.IsValid(name), name);
        Assert.InRange(name.Length, 1, DbSnapshotIdentifier.MaxLength);
    }

    [Theory]
    [InlineData("superset-prod-final", true)]
    [InlineData("s", true)]
    [InlineData("1superset", false)]
    [InlineData("superset--prod", false)]
    [InlineData("superset-prod-", false)]
    [InlineData("superset_prod", false)]
    [InlineData("", false)]
    public void The_validity_check_follows_the_rds_rules(string name, bool valid) =>
        Assert.Equal(valid, DbSnapshotIdentifier.IsValid(name));

    [Fact]
    public void The_validity_check_refuses_a_name_over_255_characters() =>
        Assert.False(DbSnapshotIdentifier.IsValid(new string('a', 256)));
}
