using Pulumi;
using Superset.Components;
using Superset.Stacks.Settings;
using Superset.Stacks.Sizing;

namespace Superset.Infra;

/// <summary>
/// The program: settings → plan → components → outputs. Nothing flows back. Kept apart from
/// <c>Program.cs</c> so the tests run it under the mock engine with any config source.
/// </summary>
internal static class SupersetProgram
{
    /// <summary>Declares every resource of one stack and returns its outputs.</summary>
    public static Dictionary<string, object?> Run(IConfigSource source, string stack)
    {
        StackPlan plan;
        try
        {
            plan = Planner.Plan(SettingsLoader.Load(source), source.Origin);
        }
        catch (SettingsException ex)
        {
            // RunException ends the program with its message only: no stack trace, nothing deployed.
            throw new RunException(ex.Message);
        }

        var ns = new SupersetNamespace("superset", new SupersetNamespaceArgs
        {
            Name = plan.Namespace,
            Instance = stack,
            Tier = plan.Tier,
        });

        return new Dictionary<string, object?>
        {
            ["plan"] = PlanOutputs.From(plan),
            ["namespace"] = ns.Name,
        };
    }
}
