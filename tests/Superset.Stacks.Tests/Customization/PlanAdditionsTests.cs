using Superset.Analysis.Plans;
using Superset.Artifacts;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>What <c>plan</c> prints of a team's additions: the image build line, the team's services, sign-in, the init Job.</summary>
public sealed class PlanAdditionsTests
{
    [Fact]
    public void Plan_prints_the_exact_image_build_line_of_the_drivers()
    {
        var plan = PlannerTests.PlanOf("config:\n  superset:drivers: [snowflake, trino]\n");
        var table = PlanTable.Of(plan);
        Assert.Contains("drivers: snowflake, trino;", table, StringComparison.Ordinal);
        Assert.Contains("\n  " + SupersetInitScript.BuildLine(plan) + "\n", table, StringComparison.Ordinal);
        Assert.Contains("DRIVERS=snowflake-sqlalchemy>=1.2.4,<2 trino>=0.328.0", table, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_team_s_services_plan_names_their_endpoints_and_secrets_not_a_maxmemory_it_does_not_set()
    {
        var table = PlanTable.Of(PlannerTests.PlanOf(ExternalDataTests.External));
        Assert.Contains("redis broker: the team's, redis://redis-queue.data.svc.cluster.local:6379/0; it must run noeviction", table, StringComparison.Ordinal);
        Assert.Contains("redis cache: the team's, redis://redis-lru.data.svc.cluster.local:6379/3", table, StringComparison.Ordinal);
        Assert.DoesNotContain("maxmemory 0 Mi", table, StringComparison.Ordinal);
        Assert.Contains("database: the team's, pg.data.svc.cluster.local:6432/bi as bi_owner, sslmode verify-full", table, StringComparison.Ordinal);
        Assert.Contains("database password from bi-pg-app/password", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_that_adds_nothing_prints_nothing_more()
    {
        var table = PlanTable.Of(PlannerTests.PlanOf("config:\n  superset:tier: small\n"));
        Assert.DoesNotContain("sign-in:", table, StringComparison.Ordinal);
        Assert.DoesNotContain("drivers:", table, StringComparison.Ordinal);
        Assert.DoesNotContain("init:", table, StringComparison.Ordinal);
        Assert.EndsWith("reserved)\n", table.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
