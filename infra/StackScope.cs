using Pulumi;
using Superset.Components;
using Superset.Planning;

namespace Superset.Infra;

/// <summary>What every part of the program declares into: the plan, the stack, its namespace.</summary>
/// <param name="Plan">The stack's plan.</param>
/// <param name="Stack">The stack's name (the instance label).</param>
/// <param name="Namespace">The stack's namespace component.</param>
internal sealed record StackScope(StackPlan Plan, string Stack, SupersetNamespace Namespace)
{
    /// <summary>Options of a component that lives in the namespace: created after it.</summary>
    public ComponentResourceOptions InNamespace => new() { DependsOn = { Namespace } };
}
