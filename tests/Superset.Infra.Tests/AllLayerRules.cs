using System.Reflection;

namespace Superset.Infra.Tests;

/// <summary>The layer rules (tests/Architecture) over every assembly, the components, the program and render included.</summary>
public sealed class AllLayerRules : Superset.Architecture.Tests.LayerRules
{
    protected override IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(Catalog.Images).Assembly,
        typeof(Configuration.StackSettings).Assembly,
        typeof(Planning.StackPlan).Assembly,
        typeof(Artifacts.SupersetConfigPy).Assembly,
        typeof(Components.Labels).Assembly,
        typeof(SupersetProgram).Assembly,
        typeof(Analysis.Cost.CostModel).Assembly,
        typeof(Render.RenderCommand).Assembly,
    ];
}

/// <summary>The source rules (tests/Architecture) over the Pulumi folders.</summary>
public sealed class PulumiSourceRules : Superset.Architecture.Tests.SourceRules
{
    protected override IReadOnlyList<string> Folders { get; } = ["components", "infra", "render"];
}
