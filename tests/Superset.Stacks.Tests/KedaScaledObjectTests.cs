using Superset.Artifacts.Keda;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>The ScaledObject's content against KEDA's and kombu's source at the pinned versions.</summary>
public sealed class KedaScaledObjectTests
{
    private static Dictionary<string, object> Metadata(object trigger) => (Dictionary<string, object>)((Dictionary<string, object>)trigger)["metadata"];

    [Fact]
    public void The_redis_triggers_set_only_metadata_keda_reads()
    {
        // kedacore/keda pkg/scalers/redis_scaler.go@v2.20.2: redisMetadata and redisConnectionInfo read
        // these from triggerMetadata (address;addresses, listName, listLength, activationListLength,
        // databaseIndex, enableTLS); the password comes from the TriggerAuthentication (authParams).
        string[] read = ["address", "listName", "listLength", "activationListLength", "databaseIndex", "enableTLS"];
        var pool = PlannerTests.PlanOf("config:\n  superset:tier: medium\n").Queues.Single(q => q.Name == "reports");
        var triggers = KedaScaledObject.Triggers(pool, "redis:6379", tls: true, "auth").Where(t => (string)((Dictionary<string, object>)t)["type"] == "redis").ToList();

        Assert.Equal(KedaScaledObject.PrioritySteps.Count, triggers.Count);
        Assert.All(triggers, t => Assert.Subset(read.ToHashSet(), Metadata(t).Keys.ToHashSet()));
        Assert.All(triggers, t => Assert.Equal("true", Metadata(t)["enableTLS"]));
        Assert.Equal("password", ((Dictionary<string, object>)((List<object>)KedaScaledObject.AuthenticationSpec("s", "k")["secretTargetRef"])[0])["parameter"]);
    }

    [Fact]
    public void The_formula_sums_every_trigger_by_name_and_the_target_is_a_whole_number()
    {
        var pool = PlannerTests.PlanOf("config:\n  superset:queues:\n    default:\n      cpuTargetPercent: 70\n").Queues[0];
        var triggers = KedaScaledObject.Triggers(pool, "redis:6379", tls: false, "auth").Cast<Dictionary<string, object>>().ToList();
        var names = triggers.Where(t => (string)t["type"] == "redis").Select(t => (string)t["name"]).ToList();
        Assert.Equal(string.Join(" + ", names), KedaScaledObject.Formula);
        // With monitoring on (the default) the running tasks join the waiting ones (docs/decisions/0006-autoscaling-across-days.md).
        Assert.Equal($"{KedaScaledObject.Formula} + {KedaScaledObject.RunningTrigger}", KedaScaledObject.FormulaOf(pool));
        // CPU stays a separate Resource metric beside the composite one (controllers/keda/hpa.go@v2.20.2).
        var cpu = Assert.Single(triggers, t => (string)t["type"] == "cpu");
        Assert.Equal("Utilization", cpu["metricType"]);
        Assert.Equal("70", Metadata(cpu)["value"]);

        var modifiers = (Dictionary<string, object>)((Dictionary<string, object>)KedaScaledObject.Spec(pool, "d")["advanced"])["scalingModifiers"];
        // pkg/fallback/fallback.go@v2.20.2, HasValidFallback: the target must parse as an int64, or the fallback is ignored.
        Assert.True(long.TryParse((string)modifiers["target"], out var target) && target > 0);
    }

    [Fact]
    public void The_list_names_are_the_ones_kombu_uses_for_each_priority()
    {
        // The installed kombu computes them (Channel._q_for_pri; kombu/transport/redis.py, unchanged
        // from 5.2 to 5.5.3, the version Superset 5.0 pins).
        var python = Tools.Require("/usr/bin/python3", "python3-kombu");
        var (code, stdout, stderr) = Tools.Run(python, ["-c",
            "import json; from kombu.transport.redis import Channel\n" +
            "c = Channel.__new__(Channel)\n" +
            "print(json.dumps([c._q_for_pri('reports', p) for p in range(10)]))"]);
        Assert.True(code == 0, stderr);
        var kombu = System.Text.Json.JsonSerializer.Deserialize<List<string>>(stdout)!.Distinct().ToList();

        Assert.Equal(kombu, KedaScaledObject.PrioritySteps.Select(s => KedaScaledObject.ListName("reports", s)));
    }
}
