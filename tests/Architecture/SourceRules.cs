using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Superset.Architecture.Tests;

/// <summary>
/// What the IL cannot show: a constant is inlined where it is used, so a namespace that reads
/// another's constant leaves no reference in the compiled code. The source's <c>using</c> directives
/// can (the build fails on an unused one, IDE0005, so each is a real use); these rules read them,
/// and hold files under 300 lines and methods under 80.
/// </summary>
public abstract class SourceRules
{
    /// <summary>Longest production source file, in lines.</summary>
    public const int MaxFileLines = 300;

    /// <summary>Longest method, constructor, accessor or local function, in lines.</summary>
    public const int MaxMethodLines = 80;

    /// <summary>The production folders this test project checks, relative to the repository root.</summary>
    protected abstract IReadOnlyList<string> Folders { get; }

    /// <summary>Every production source file of <see cref="Folders"/>, parsed.</summary>
    public IReadOnlyList<(string Path, SyntaxTree Tree)> Sources => sources ??= Folders
        .SelectMany(f => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, f), "*.cs", SearchOption.AllDirectories))
        .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(p => (Path.GetRelativePath(RepositoryRoot, p), CSharpSyntaxTree.ParseText(File.ReadAllText(p))))
        .ToList();

    private IReadOnlyList<(string Path, SyntaxTree Tree)>? sources;

    /// <summary>The repository root: the folder holding Superset.sln, above the test's binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Every namespace a file's <c>using</c> directives bring in, from the namespace the file declares.</summary>
    public IEnumerable<(string From, string To, string File)> UsingEdges() =>
        from source in Sources
        let root = source.Tree.GetCompilationUnitRoot()
        let declared = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).FirstOrDefault()
        where declared is not null
        from u in root.Usings
        where u.Name is not null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Alias is null
        let target = u.Name!.ToString()
        where target.StartsWith("Superset.", StringComparison.Ordinal) && target != declared
        select (declared, target, source.Path);

    [Fact]
    public void The_sources_are_found()
    {
        Assert.True(Sources.Count > 20, $"only {Sources.Count} source files under {string.Join(", ", Folders)} of {RepositoryRoot}");
    }

    [Fact]
    public void Usings_follow_the_layer_order()
    {
        var wrong = UsingEdges()
            .Where(e => !LayerRules.MayUse(LayerRules.AssemblyOf(e.From), LayerRules.AssemblyOf(e.To)))
            .Select(e => $"{e.File}: namespace {e.From} uses {e.To}")
            .ToList();
        Assert.True(wrong.Count == 0, "usings against the layer order:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_namespace_cycle_through_usings()
    {
        var cycles = NamespaceGraph.Cycles(UsingEdges().Select(e => (e.From, e.To)));
        Assert.True(cycles.Count == 0, "namespace cycles through using directives:\n" + string.Join("\n", cycles.Select(c => string.Join(" → ", c))));
    }

    [Fact]
    public void Files_stay_under_300_lines()
    {
        var long_ = Sources
            .Select(s => (s.Path, Lines: s.Tree.GetText().Lines.Count))
            .Where(s => s.Lines > MaxFileLines)
            .Select(s => $"{s.Path}: {s.Lines} lines")
            .ToList();
        Assert.True(long_.Count == 0, $"files over {MaxFileLines} lines (split by responsibility):\n" + string.Join("\n", long_));
    }

    [Fact]
    public void Methods_stay_under_80_lines()
    {
        var long_ = (from source in Sources
                     from node in source.Tree.GetRoot().DescendantNodes()
                     where node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                     let span = node.GetLocation().GetLineSpan()
                     let lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1
                     where lines > MaxMethodLines
                     select $"{source.Path}:{span.StartLinePosition.Line + 1}: {Name(node)} has {lines} lines").ToList();
        Assert.True(long_.Count == 0, $"methods over {MaxMethodLines} lines:\n" + string.Join("\n", long_));
    }

    private static string Name(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text + " (constructor)",
        LocalFunctionStatementSyntax l => l.Identifier.Text,
        _ => node.Kind().ToString(),
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Superset.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Superset.sln above {AppContext.BaseDirectory}");
    }
}
