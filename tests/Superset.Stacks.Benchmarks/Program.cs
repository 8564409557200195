using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Superset.Analysis.Simulation;
using Superset.Configuration.Reading;
using Superset.Planning;
using Superset.Planning.Sizing;

// A benchmark that throws fails the run (BenchmarkDotNet itself would exit 0 and print an error).
var summaries = BenchmarkSwitcher.FromAssembly(typeof(SimulationBenchmarks).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

/// <summary>
/// The simulator's speed target: a 24-hour business day of the large tier in under 5 seconds on one core.
/// The simulator is single-threaded, so the mean of one invocation is its time on one core.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private StackPlan large = null!;
    private StackPlan medium = null!;
    private Scenario businessDay = null!;
    private Scenario spike = null!;

    [GlobalSetup]
    public void Setup()
    {
        large = Tier("large");
        medium = Tier("medium");
        businessDay = Scenario.Named("business-day", large);
        spike = Scenario.Named("spike", medium);
    }

    private static StackPlan Tier(string tier) =>
        Planner.Plan(SettingsLoader.Load(StackFile.Parse($"config:\n  superset:tier: {tier}\n", "bench.yaml")), "bench.yaml");

    /// <summary>Every pool of the large tier, 24 hours, all four policies (what `simulate --scenario business-day` runs).</summary>
    [Benchmark]
    public SimulationResult LargeBusinessDayAllPolicies() => Simulator.Run(large, businessDay);

    /// <summary>The configured autoscaling only (KEDA by default; what `plan`'s spike warning runs, at business-day scale).</summary>
    [Benchmark]
    public SimulationResult LargeBusinessDayConfigured() => Simulator.Run(large, businessDay, policies: ["configured"]);

    /// <summary>
    /// `simulate --seeds 1-2` of the large tier's business day: the summary's four policies on two days (the
    /// oracle's knob search is most of it). The days run in parallel, so pinned to one core this is their
    /// CPU time; `--seeds 1-20` is ten times the work.
    /// </summary>
    [Benchmark]
    public SeedSummary LargeBusinessDayTwoSeeds() => SeedSummary.Run(large, businessDay, [1, 2]);

    /// <summary>`simulate --frontier` on the medium tier's spike: every KEDA shape of the grid for each of four pools.</summary>
    [Benchmark]
    public IReadOnlyList<FrontierResult> MediumSpikeFrontier() => Frontier.Run(medium, spike);
}
