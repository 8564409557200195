using System.Reflection;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Xunit;
using ArchAssembly = ArchUnitNET.Domain.Assembly;

namespace Superset.Architecture.Tests;

/// <summary>
/// The layers of the program, one assembly each, and the tools beside them. The project references
/// already make the compiler refuse a type of a lower layer that uses a higher one (the reference is
/// missing, or would close a cycle MSBuild refuses); these tests read the compiled IL (ArchUnitNET)
/// and say the same of every assembly, refuse namespace cycles inside an assembly, keep the deploy
/// program free of the analysis tools and the Pulumi-free layers free of Pulumi, and hold the parameter lists short. Compiled into both test projects: the Pulumi-free one checks the
/// Pulumi-free assemblies on every machine, the Pulumi one checks all of them.
/// </summary>
public abstract class LayerRules
{
    /// <summary>Every assembly of ours, lowest layer first: each may use only those before it (tools: see <see cref="MayUse"/>).</summary>
    public static IReadOnlyList<string> Layers { get; } =
        ["Superset.Catalog", "Superset.Configuration", "Superset.Planning", "Superset.Artifacts", "Superset.Components", "Superset.Infra"];

    /// <summary>The analysis tools: they may read every Pulumi-free layer, and nothing of the program reads them.</summary>
    public static IReadOnlyList<string> Tools { get; } = ["Superset.Analysis", "Superset.Cli", "Superset.Render"];

    /// <summary>The most parameters a constructor or method of production code may take: past that, compose named records.</summary>
    public const int MaxParameters = 8;

    /// <summary>The assemblies this test project can load.</summary>
    protected abstract IReadOnlyList<System.Reflection.Assembly> Assemblies { get; }

    private ArchUnitNET.Domain.Architecture? architecture;

    private ArchUnitNET.Domain.Architecture Model => architecture ??= new ArchLoader().LoadAssemblies(Assemblies.ToArray()).Build();

    /// <summary>Whether code in assembly <paramref name="from"/> may use assembly <paramref name="to"/>.</summary>
    public static bool MayUse(string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        var pulumiFree = Layers.Take(4).ToList();
        return from switch
        {
            "Superset.Analysis" => pulumiFree.Contains(to),
            "Superset.Cli" => pulumiFree.Contains(to) || to == "Superset.Analysis",
            "Superset.Render" => to != "Superset.Cli",
            _ when Layers.Contains(from) => Layers.Contains(to) && Rank(to) < Rank(from),
            _ => false,
        };
    }

    /// <summary>The assembly a namespace of ours lives in (each assembly's root namespace is its name).</summary>
    public static string AssemblyOf(string ns) =>
        Layers.Concat(Tools).SingleOrDefault(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal))
        ?? throw new ArgumentException($"{ns} is in no assembly of ours", nameof(ns));

    private static int Rank(string layer) => Layers.Select((name, i) => (name, i)).Single(l => l.name == layer).i;

    /// <summary>Every use of one of our types by another, by assembly: (from type, to type).</summary>
    public IEnumerable<(IType From, IType To)> Uses() =>
        from type in Model.Types
        where Ours(type.Assembly)
        from dependency in type.Dependencies
        where Ours(dependency.Target?.Assembly)
        select (type, dependency.Target);

    [Fact]
    public void The_model_sees_the_dependencies_of_method_bodies()
    {
        // The planner builds a StackPlan in a method body: a check that missed it would pass on anything.
        Assert.Contains(Uses(), u => u.From.FullName == "Superset.Planning.Sizing.Planner" && u.To.FullName == "Superset.Planning.StackPlan");
        Assert.Contains(Uses(), u => u.From.FullName == "Superset.Planning.Sizing.Planner" && u.To.FullName == "Superset.Configuration.StackSettings");
    }

    [Fact]
    public void Every_assembly_uses_only_the_layers_below_it()
    {
        var wrong = Uses()
            .Where(u => !MayUse(Name(u.From.Assembly), Name(u.To.Assembly)))
            .Select(u => $"{u.From.FullName} ({Name(u.From.Assembly)}) uses {u.To.FullName} ({Name(u.To.Assembly)})")
            .Distinct()
            .ToList();
        Assert.True(wrong.Count == 0, "references against the layer order (catalog ← configuration ← planning ← artifacts ← components ← program; tools beside):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_namespace_depends_on_itself_through_others()
    {
        var edges = Uses()
            .Select(u => (From: u.From.Namespace.FullName, To: u.To.Namespace.FullName))
            .Where(e => e.From != e.To)
            .Distinct()
            .ToList();
        var cycles = NamespaceGraph.Cycles(edges);
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles.Select(c => string.Join(" → ", c))));
    }

    [Fact]
    public void The_deploy_program_references_no_analysis_tool()
    {
        foreach (var assembly in Assemblies.Where(a => Layers.Contains(a.GetName().Name!)))
        {
            var referenced = assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();
            Assert.DoesNotContain(referenced, Tools.Contains);
        }
    }

    [Fact]
    public void The_pulumi_free_layers_reference_no_pulumi_package()
    {
        var pulumiFree = Layers.Take(4).Concat(["Superset.Analysis", "Superset.Cli"]).ToList();
        foreach (var assembly in Assemblies.Where(a => pulumiFree.Contains(a.GetName().Name!)))
        {
            var pulumi = assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n == "Pulumi" || n.StartsWith("Pulumi.", StringComparison.Ordinal)).ToList();
            Assert.True(pulumi.Count == 0, $"{assembly.GetName().Name} references {string.Join(", ", pulumi)}");
        }
    }

    [Fact]
    public void No_constructor_or_method_takes_more_than_eight_parameters()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var wide = Assemblies
            .SelectMany(a => a.GetTypes())
            // Anonymous types are the compiler's, built by name (new { a = 1 }): nothing to swap.
            .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false))
            .SelectMany(t => t.GetConstructors(all).Cast<MethodBase>().Concat(t.GetMethods(all)))
            .Where(m => m.GetParameters().Length > MaxParameters)
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}({m.GetParameters().Length} parameters)")
            .ToList();
        Assert.True(wide.Count == 0, $"more than {MaxParameters} parameters (compose named records or use required init properties):\n" + string.Join("\n", wide));
    }

    // A dependency on a generic parameter or an unresolved type has no assembly: not ours.
    private static bool Ours(ArchAssembly? assembly) => assembly is not null && (Layers.Contains(Name(assembly)) || Tools.Contains(Name(assembly)));

    private static string Name(ArchAssembly assembly) => new AssemblyName(assembly.FullName).Name!;
}
