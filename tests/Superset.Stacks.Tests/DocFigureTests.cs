using Superset.Cli;
using Superset.Cli.Docs;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>Every figure the README and docs/ quote is what the tools produce now.</summary>
public sealed class DocFigureTests
{
    public static TheoryData<string> Documents => [.. DocsCommand.Documents(PlannerTests.RepoRoot())];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_quoted_figure_is_what_the_tools_produce(string document)
    {
        var root = PlannerTests.RepoRoot();
        var wrong = DocFigures.Check(File.ReadAllText(Path.Combine(root, document)), root)
            .Where(f => f.Quoted.Trim() != f.Produced.Trim())
            .Select(f => $"{f.Name}: quoted {f.Quoted.Trim()}, the tools give {f.Produced.Trim()}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{document} (run `dotnet run --project stacks/Cli -- docs`):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_documents_quote_the_figures_and_every_figure_is_quoted()
    {
        var root = PlannerTests.RepoRoot();
        var quoted = DocsCommand.Documents(root)
            .SelectMany(d => DocFigures.Marker().Matches(File.ReadAllText(Path.Combine(root, d))).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var unquoted = DocFigures.All.Keys.Where(k => !quoted.Contains(k)).ToList();
        Assert.True(unquoted.Count == 0, "figures no document quotes: " + string.Join(", ", unquoted));
    }

    [Fact]
    public void A_changed_figure_is_caught()
    {
        var root = PlannerTests.RepoRoot();
        var check = DocFigures.Check("prod costs <!-- figure:cost.prod.monthly-min -->$1.00<!-- /figure --> a month", root).Single();
        Assert.NotEqual(check.Quoted, check.Produced);
        Assert.StartsWith("$", check.Produced, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_figure_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DocFigures.Check("<!-- figure:no.such -->1<!-- /figure -->", PlannerTests.RepoRoot()).ToList());
    }

    /// <summary>
    /// The simulated figures come from committed summaries (too slow to re-run every time: minutes for
    /// the large business days); the cheapest, the small tier's 20 spike days, is re-run here and must be
    /// what was committed, so a simulator change that moves the figures fails until `docs --simulate` runs.
    /// </summary>
    [Fact]
    public void The_committed_simulated_days_are_what_the_simulator_produces_now()
    {
        var root = PlannerTests.RepoRoot();
        var committed = File.ReadAllText(Path.Combine(root, SimulatedDays.File("small", "spike")));
        Assert.True(committed == SimulatedDays.Produce("small", "spike"),
            $"{SimulatedDays.File("small", "spike")} differs from what the simulator gives now: run `dotnet run --project stacks/Cli -- docs --simulate`");
    }

    public static TheoryData<string, string> SimulatedDayFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var tier in SimulatedDays.Tiers)
        {
            foreach (var scenario in SimulatedDays.Scenarios)
            {
                data.Add(tier, scenario);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SimulatedDayFiles))]
    public void Every_committed_summary_covers_seeds_1_to_20_of_its_scenario(string tier, string scenario)
    {
        var all = SimulatedDays.Pool(PlannerTests.RepoRoot(), tier, scenario, Superset.Analysis.Simulation.SeedSummary.AllPools);
        Assert.NotNull(all["podMinutes"]);
    }

    [Fact]
    public void A_summary_of_other_seeds_is_refused()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var path = Path.Combine(root, SimulatedDays.File("small", "spike"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """{"scenario": "spike", "seeds": [1], "pools": [{"name": "all pools"}]}""");
        var ex = Assert.Throws<InvalidDataException>(() => SimulatedDays.Pool(root, "small", "spike", "all pools"));
        Assert.Contains("seeds 1-20", ex.Message, StringComparison.Ordinal);
    }
}
