using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// Little's law in decimal: arrivals a minute × mean seconds ÷ 60, multiplied first. Divided first,
/// 16 ÷ 60 × 15 came out 4.0000000000000000000000000005, and KEDA's fallback held one pod more
/// than the peak needs on the large tier's reports pool.
/// </summary>
public sealed class PeakLoadTests
{
    [Theory]
    [InlineData("small")]
    [InlineData("medium")]
    [InlineData("large")]
    public void Busy_children_and_the_fallback_are_exact(string tier)
    {
        var plan = PlannerTests.PlanOf($"config:\n  superset:tier: {tier}\n");
        Assert.All(plan.Queues, q =>
        {
            var busy = q.Tasks.PeakPerMinute * q.Tasks.MeanSeconds / 60m;
            Assert.Equal(decimal.Round(busy, 10), q.PeakBusyChildren);
            var needed = (int)Math.Ceiling((double)q.Tasks.PeakPerMinute * (double)q.Tasks.MeanSeconds / 60 / q.Concurrency - 1e-9);
            Assert.Equal(Math.Clamp(needed, Math.Max(q.Replicas.Min, 1), q.Replicas.Max), q.FallbackReplicas);
        });
    }

    [Fact]
    public void The_large_tier_s_reports_pool_falls_back_to_what_its_peak_needs()
    {
        var reports = PlannerTests.PlanOf("config:\n  superset:tier: large\n").Queues.Single(q => q.Name == "reports");
        Assert.Equal(4m, reports.PeakBusyChildren);
        Assert.Equal(2, reports.FallbackReplicas);
    }
}
