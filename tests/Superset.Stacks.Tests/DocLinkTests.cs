using System.Text.RegularExpressions;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>
/// The README and docs/ hold together: every relative link reaches a file (and its heading, for an
/// anchor), the README stays a newcomer's page, and code and guides cite the source digests and
/// decision records rather than the issue tracker or the articles' seed numbers.
/// </summary>
public sealed partial class DocLinkTests
{
    /// <summary>The README is a way in: what it deploys, run and test, preview and deploy, then docs/.</summary>
    private const int ReadmeMaxLines = 250;

    public static TheoryData<string> Documents()
    {
        var root = PlannerTests.RepoRoot();
        return [.. MarkdownFiles(root).Select(f => Path.GetRelativePath(root, f))];
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_resolves(string document)
    {
        var root = PlannerTests.RepoRoot();
        var path = Path.Combine(root, document);
        var broken = Links(File.ReadAllText(path))
            .Where(l => !l.StartsWith("http", StringComparison.Ordinal) && !l.StartsWith("mailto:", StringComparison.Ordinal))
            .Where(l => !Resolves(path, l))
            .ToList();
        Assert.True(broken.Count == 0, $"{document}: broken links: " + string.Join(", ", broken));
    }

    [Fact]
    public void The_link_check_catches_a_missing_file_and_a_missing_heading()
    {
        var readme = Path.Combine(PlannerTests.RepoRoot(), "README.md");
        Assert.True(Resolves(readme, "docs/configure.md#rotating-secrets"));
        Assert.False(Resolves(readme, "docs/no-such-guide.md"));
        Assert.False(Resolves(readme, "docs/configure.md#no-such-heading"));
    }

    [Fact]
    public void Headings_become_github_anchors()
    {
        Assert.Equal("judging-autoscaling-before-deploying-simulate", Anchor("Judging autoscaling before deploying: `simulate`"));
        Assert.Equal("migrating-a-running-stack-from-hpa-to-keda", Anchor("Migrating a running stack from `hpa` to `keda`"));
    }

    [Fact]
    public void The_readme_stays_short()
    {
        var lines = File.ReadAllLines(Path.Combine(PlannerTests.RepoRoot(), "README.md")).Length;
        Assert.True(lines <= ReadmeMaxLines, $"README.md has {lines} lines; move detail into docs/ (at most {ReadmeMaxLines})");
    }

    /// <summary>
    /// An article's seed number or a tracker's issue number means nothing to a reader of this repository: the articles are
    /// digested in docs/sources and the decisions recorded in docs/decisions, which are the only
    /// places that may name them (to map the old citations onto themselves).
    /// </summary>
    [Fact]
    public void Code_and_guides_cite_digests_and_decisions_not_seeds_or_issues()
    {
        var root = PlannerTests.RepoRoot();
        var offending = SourceFiles(root)
            .Where(f => !IsUnder(root, f, "docs/sources") && !IsUnder(root, f, "docs/decisions") && Path.GetRelativePath(root, f) != Path.Combine("docs", "README.md"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => OldCitation().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offending.Count == 0, "cite docs/sources/*.md or docs/decisions/*.md instead:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_citation_rule_catches_seed_and_issue_numbers()
    {
        // Built from parts so this file does not hold the citations it forbids.
        Assert.Matches(OldCitation(), "// the article's figure (seed " + "002 pattern 2)");
        Assert.Matches(OldCitation(), "# as issue " + "17 found");
        Assert.DoesNotMatch(OldCitation(), "kubernetes-sigs/prometheus-adapter issues/701");
        Assert.DoesNotMatch(OldCitation(), "--seed 1");
    }

    internal static IEnumerable<string> Links(string markdown) =>
        LinkTarget().Matches(WithoutCode(markdown)).Select(m => m.Groups[1].Value);

    internal static bool Resolves(string from, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? link : link[..hash];
        var target = file.Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, Uri.UnescapeDataString(file)));
        if (!File.Exists(target) && !Directory.Exists(target))
        {
            return false;
        }

        return hash < 0 || !target.EndsWith(".md", StringComparison.Ordinal) || Anchors(File.ReadAllText(target)).Contains(link[(hash + 1)..]);
    }

    /// <summary>GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats.</summary>
    internal static HashSet<string> Anchors(string markdown)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Heading().Matches(WithoutFences(markdown)))
        {
            var anchor = Anchor(m.Groups[1].Value);
            var n = seen.GetValueOrDefault(anchor);
            seen[anchor] = n + 1;
            anchors.Add(n == 0 ? anchor : $"{anchor}-{n}");
        }

        return anchors;
    }

    internal static string Anchor(string heading) =>
        string.Concat(heading.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');

    private static string WithoutCode(string markdown) => InlineCode().Replace(WithoutFences(markdown), "``");

    private static string WithoutFences(string markdown) => Fenced().Replace(markdown, "");

    private static IEnumerable<string> MarkdownFiles(string root) =>
        new[] { Path.Combine(root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)).Order(StringComparer.Ordinal);

    private static readonly string[] Skipped = ["bin", "obj", "node_modules", ".git", "BenchmarkDotNet.Artifacts", "TestResults"];
    private static readonly string[] Sources = [".cs", ".md", ".py", ".yaml", ".yml", ".mjs", ".sh", ".csv", ".json", ".props", ".csproj", "Dockerfile", "run"];

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(Skipped.Contains))
            .Where(f => Sources.Any(s => Path.GetFileName(f).EndsWith(s, StringComparison.Ordinal)));

    private static bool IsUnder(string root, string file, string folder) =>
        Path.GetRelativePath(root, file).StartsWith(folder.Replace('/', Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(```|~~~).*?^\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fenced();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\bseed 00\d\b|\bissues? #?\d+\b", RegexOptions.IgnoreCase)]
    private static partial Regex OldCitation();
}
