using System.Reflection;

namespace Superset.Stacks.Tests;

/// <summary>The layer rules (tests/Architecture) over the Pulumi-free assemblies, on every machine.</summary>
public sealed class PulumiFreeLayerRules : Superset.Architecture.Tests.LayerRules
{
    protected override IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(Catalog.Images).Assembly,
        typeof(Configuration.StackSettings).Assembly,
        typeof(Planning.StackPlan).Assembly,
        typeof(Artifacts.SupersetConfigPy).Assembly,
        typeof(Analysis.Cost.CostModel).Assembly,
        typeof(Cli.PlanCommand).Assembly,
    ];
}

/// <summary>The source rules (tests/Architecture) over the Pulumi-free folders.</summary>
public sealed class PulumiFreeSourceRules : Superset.Architecture.Tests.SourceRules
{
    protected override IReadOnlyList<string> Folders { get; } =
        ["stacks/Catalog", "stacks/Configuration", "stacks/Planning", "stacks/Artifacts", "stacks/Analysis", "stacks/Cli"];
}
