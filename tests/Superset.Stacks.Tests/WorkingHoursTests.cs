using System.Text.Json.Nodes;
using Superset.Analysis.Plans;
using Superset.Analysis.Simulation;
using Superset.Artifacts;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// <c>queues.&lt;name&gt;.workingHours</c> from the stack file to the plan, its table and JSON, and the
/// simulator: the floor holds through the hours of the business day and only there.
/// </summary>
public sealed class WorkingHoursTests
{
    private const string Medium = "config:\n  superset:tier: medium\n  superset:dataServices: aws\n";

    private const string Hours = Medium + "  superset:queues:\n    default:\n      workingHours:\n        timezone: Europe/Paris\n        start: 07:00\n        end: \"19:00\"\n        minReplicas: 6\n";

    [Fact]
    public void The_plan_carries_the_hours_to_the_pool_with_the_floor_five_minutes_ahead()
    {
        var plan = PlannerTests.PlanOf(Hours);
        var prewarm = plan.Queues.Single(q => q.Name == "default").Autoscaler.Prewarm!;
        Assert.Equal(new WorkingHours("mon-fri", 7 * 60, 19 * 60, "Europe/Paris", 6), prewarm.Hours);
        Assert.Equal((6 * 60) + 55, prewarm.StartMinute);
        Assert.All(plan.Queues.Where(q => q.Name != "default"), q => Assert.Null(q.Autoscaler.Prewarm));

        var json = JsonNode.Parse(PlanDocument.Json(plan))!["queues"]!.AsArray();
        var hours = json.Single(q => (string?)q!["name"] == "default")!["workingHours"]!;
        Assert.Equal(("Europe/Paris", "mon-fri", "07:00", "19:00", 6, "06:55"),
            ((string?)hours["timezone"], (string?)hours["days"], (string?)hours["start"], (string?)hours["end"], (int)hours["minReplicas"]!, (string?)hours["floorFrom"]));
        Assert.All(json.Where(q => (string?)q!["name"] != "default"), q => Assert.Null(q!["workingHours"]));
        Assert.Contains("working hours of default: at least 6 pods mon-fri 07:00–19:00 Europe/Paris (KEDA cron trigger from 06:55, 5 min ahead)", PlanTable.Of(plan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("europe/paris", "Europe/Paris")]
    [InlineData("America/New_Yrok", "America/New_York")]
    public void A_time_zone_a_typo_away_is_refused_with_the_name_it_was_meant_to_be(string written, string meant)
    {
        var ex = Assert.Throws<SettingsException>(() => SettingsLoader.Load(StackFile.Parse(Hours.Replace("Europe/Paris", written, StringComparison.Ordinal), "t.yaml")));
        var error = Assert.Single(ex.Errors, e => e.Key.Contains("workingHours", StringComparison.Ordinal));
        Assert.Equal("superset:queues.default.workingHours.timezone", error.Key);
        Assert.StartsWith($"did you mean {meant}?", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mon-fri,sun")]
    [InlineData("sun,sat")]
    [InlineData("*")]
    [InlineData("tue")]
    public void Day_lists_and_ranges_in_cron_s_order_are_read_as_written(string days)
    {
        var plan = PlannerTests.PlanOf(Hours.Replace("minReplicas: 6", $"minReplicas: 6\n        days: \"{days}\"", StringComparison.Ordinal));
        Assert.Equal(days, plan.Queues.Single(q => q.Name == "default").Autoscaler.Prewarm!.Hours.Days);
    }

    /// <summary>
    /// The cron trigger's start and end are five-field expressions, minute hour day month weekday, with
    /// the days as written (kedacore/keda pkg/scalers/cron_scaler.go@v2.20.2 parses them with robfig/cron's
    /// Minute | Hour | Dom | Month | Dow parser); the earliest start allowed puts the floor at midnight.
    /// </summary>
    [Theory]
    [InlineData("00:05", "21:30", "*", "0 0 * * *", "30 21 * * *")]
    [InlineData("09:00", "17:00", "mon-thu,sat", "55 8 * * mon-thu,sat", "0 17 * * mon-thu,sat")]
    [InlineData("12:03", "12:04", "sun", "58 11 * * sun", "4 12 * * sun")]
    public void The_cron_trigger_starts_five_minutes_ahead_on_the_same_days(string start, string end, string days, string cronStart, string cronEnd)
    {
        var plan = PlannerTests.PlanOf(Hours.Replace("start: 07:00", $"start: \"{start}\"", StringComparison.Ordinal)
            .Replace("end: \"19:00\"", $"end: \"{end}\"\n        days: \"{days}\"", StringComparison.Ordinal));
        var metadata = (Dictionary<string, object>)Artifacts.Keda.KedaScaledObject.Cron(plan.Queues.Single(q => q.Name == "default").Autoscaler.Prewarm!)["metadata"];
        Assert.Equal((cronStart, cronEnd, "6", "Europe/Paris"), ((string)metadata["start"], (string)metadata["end"], (string)metadata["desiredReplicas"], (string)metadata["timezone"]));
    }

    /// <summary>
    /// simulate's business day (the baseline at night, a ramp from 07:00 to half the peak at 13:00,
    /// down by 19:00) on the configured KEDA: with the hours, default runs at least its floor of 6 pods
    /// at every minute from 07:00 to 19:00, and less at night (the floor is the hours', not all day's);
    /// without them, the same day has minutes inside the hours below 6 pods (what the floor changes).
    /// </summary>
    [Fact]
    public void In_the_business_day_the_pool_keeps_its_floor_through_the_hours_and_only_then()
    {
        static IReadOnlyList<(double Time, int Arrivals, int Depth, int Replicas)> Default(string yaml)
        {
            var plan = PlannerTests.PlanOf(yaml);
            var result = Simulator.Run(plan, Scenario.Named("business-day", plan), seed: 1, policies: ["configured"]);
            return result.Policies.Single().Queues.Single(q => q.Name == "default").Series;
        }

        static bool InHours((double Time, int, int, int) s) => s.Time >= 7 * 3600 && s.Time < 19 * 3600;

        var with = Default(Hours);
        Assert.Equal(720, with.Count(InHours));
        Assert.All(with.Where(InHours), s => Assert.True(s.Replicas >= 6, $"{s.Replicas} pods at {s.Time / 3600:0.00} h"));
        Assert.Contains(with, s => s.Time < 6 * 3600 && s.Replicas < 6);

        Assert.Contains("`configured` holds default at 6 pods or more from 06:55 to 19:00 of every simulated day", SimulationReport.WorkingHours(PlannerTests.PlanOf(Hours)), StringComparison.Ordinal);
        Assert.Empty(SimulationReport.WorkingHours(PlannerTests.PlanOf(Medium)));

        var without = Default(Medium);
        Assert.Contains(without, s => InHours(s) && s.Replicas < 6);
    }
}
