using Xunit;

namespace Superset.Architecture.Tests;

/// <summary>The cycle finder the namespace rule relies on, on graphs worked by hand.</summary>
public sealed class NamespaceGraphTests
{
    [Fact]
    public void A_chain_has_no_cycle()
    {
        Assert.Empty(NamespaceGraph.Cycles([("a", "b"), ("b", "c"), ("a", "c")]));
    }

    [Fact]
    public void Two_namespaces_that_use_each_other_are_a_cycle()
    {
        var cycle = Assert.Single(NamespaceGraph.Cycles([("a", "b"), ("b", "a"), ("b", "c")]));
        Assert.Equal(["a", "b", "a"], cycle);
    }

    [Fact]
    public void A_cycle_through_others_is_found_and_named_in_order()
    {
        var cycle = Assert.Single(NamespaceGraph.Cycles([("x", "a"), ("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]));
        Assert.Equal(["a", "b", "c", "a"], cycle);
    }

    [Fact]
    public void Separate_cycles_are_reported_apart()
    {
        Assert.Equal(2, NamespaceGraph.Cycles([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("b", "c")]).Count);
    }

    [Fact]
    public void The_layer_order_allows_down_and_refuses_up()
    {
        Assert.True(LayerRules.MayUse("Superset.Planning", "Superset.Catalog"));
        Assert.False(LayerRules.MayUse("Superset.Catalog", "Superset.Planning"));
        Assert.False(LayerRules.MayUse("Superset.Artifacts", "Superset.Components"));
        Assert.False(LayerRules.MayUse("Superset.Infra", "Superset.Analysis"));
        Assert.False(LayerRules.MayUse("Superset.Components", "Superset.Analysis"));
        Assert.True(LayerRules.MayUse("Superset.Analysis", "Superset.Artifacts"));
        Assert.False(LayerRules.MayUse("Superset.Analysis", "Superset.Components"));
        Assert.True(LayerRules.MayUse("Superset.Render", "Superset.Infra"));
    }
}
