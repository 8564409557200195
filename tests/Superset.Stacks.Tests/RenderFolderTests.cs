using Superset.Analysis.Commands;
using Superset.Analysis.Render;
using Xunit;

namespace Superset.Stacks.Tests;

/// <summary>render's output folder is its own: created, cleaned of its previous files, refused when someone else's.</summary>
public sealed class RenderFolderTests
{
    [Fact]
    public void A_missing_folder_is_created_and_marked_with_the_stack_and_its_files()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out", "dev");
        var folder = RenderFolder.Claim("--out", dir);
        Assert.True(Directory.Exists(dir));
        Assert.Null(folder.PreviousStack);

        folder.Write("dev", [("k8s-a.yaml", "a"), ("connections.md", "m")]);
        var marker = File.ReadAllText(Path.Combine(dir, RenderFolder.MarkerFile));
        Assert.Contains("stack: dev\n", marker, StringComparison.Ordinal);
        Assert.Contains("k8s-a.yaml\nconnections.md\n", marker, StringComparison.Ordinal);
        Assert.Equal("a", File.ReadAllText(Path.Combine(dir, "k8s-a.yaml")));
    }

    [Fact]
    public void The_next_render_removes_the_files_of_the_last_and_leaves_the_rest()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        RenderFolder.Claim("--out", dir).Write("dev", [("k8s-gone.yaml", "old"), ("k8s-kept.yaml", "old")]);
        File.WriteAllText(Path.Combine(dir, "rules.yaml"), "a test's own file");

        var again = RenderFolder.Claim("--out", dir);
        Assert.Equal("dev", again.PreviousStack);
        again.Write("prod", [("k8s-kept.yaml", "new")]);

        Assert.False(File.Exists(Path.Combine(dir, "k8s-gone.yaml")), "the manifest of a resource since removed lingers");
        Assert.Equal("new", File.ReadAllText(Path.Combine(dir, "k8s-kept.yaml")));
        Assert.True(File.Exists(Path.Combine(dir, "rules.yaml")));
        Assert.Contains("stack: prod\n", File.ReadAllText(Path.Combine(dir, RenderFolder.MarkerFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_render_did_not_write_is_refused_and_left_as_it_was()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var ex = Assert.Throws<UsageException>(() => RenderFolder.Claim("--out", dir));
        Assert.Equal($"--out {dir}: the folder is not empty and render did not write it (no {RenderFolder.MarkerFile}): give a new or empty folder, or empty this one first", ex.Message);
        Assert.Equal(["notes.txt"], Directory.GetFiles(dir).Select(Path.GetFileName));

        var file = Path.Combine(dir, "notes.txt");
        Assert.Equal($"--out {file}: is a file, not a folder", Assert.Throws<UsageException>(() => RenderFolder.Claim("--out", file)).Message);
    }

    [Fact]
    public void A_marker_naming_a_path_outside_the_folder_removes_nothing_there()
    {
        var parent = Directory.CreateTempSubdirectory().FullName;
        var outside = Path.Combine(parent, "precious.txt");
        File.WriteAllText(outside, "keep");
        var dir = Path.Combine(parent, "out");
        RenderFolder.Claim("--out", dir).Write("dev", [("k8s-a.yaml", "a")]);
        File.AppendAllText(Path.Combine(dir, RenderFolder.MarkerFile), "../precious.txt\n..\n");

        var again = RenderFolder.Claim("--out", dir);
        Assert.Equal(["k8s-a.yaml"], again.PreviousFiles);
        again.Write("dev", []);
        Assert.True(File.Exists(outside));
    }
}
