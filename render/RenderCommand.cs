using System.CommandLine;
using Pulumi;
using Pulumi.Testing;
using Superset.Analysis.Commands;
using Superset.Analysis.Network;
using Superset.Analysis.Render;
using Superset.Configuration;
using Superset.Configuration.Reading;
using Superset.Infra;
using Superset.Planning.Sizing;
using Superset.Planning.Topology;

namespace Superset.Render;

/// <summary>
/// <c>render &lt;stack&gt; --out &lt;dir&gt;</c>: runs the program under Pulumi's mock engine (no Pulumi CLI,
/// no cloud account) and writes every resource it declares, with the connection matrix its
/// NetworkPolicies give. How a reviewer sees the exact manifests of a change, and how CI validates them.
/// The output folder is render's own (<see cref="RenderFolder"/>): created when missing, cleaned of the
/// previous render's files, refused when it holds files render did not write.
/// </summary>
internal static class RenderCommand
{
    private const string Program = "render";

    /// <summary>The root command: <c>&lt;stack&gt; --out &lt;dir&gt;</c>.</summary>
    public static RootCommand Create(string root)
    {
        var stack = new Argument<string>("stack") { Description = "A stack name (Pulumi.<stack>.yaml at the repository root) or a path to a stack file" };
        var output = new Option<string>("--out")
        {
            Description = $"Folder to write the manifests and connections.md into: created when missing, render's own ({RenderFolder.MarkerFile}); a folder with other files is refused",
            Required = true,
        };
        var command = new RootCommand("Render a stack's resources offline, under Pulumi's mock engine") { stack, output };
        command.SetAction((r, _) => RunAsync(r.GetValue(stack)!, r.GetValue(output)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, root));
        return command;
    }

    /// <summary>
    /// Runs one command line; returns the exit code: 0 done; 1 anything the user can fix (the
    /// settings, the output folder, the command line, a connection not as intended); 70 a bug
    /// (<see cref="CommandErrors"/>).
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr, string root)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return await Create(root).Parse(args)
                .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(ex, Program, stderr);
        }
    }

    /// <summary>Renders <paramref name="stack"/> into <paramref name="outDir"/>; 0, or 1 with every problem printed.</summary>
    public static async Task<int> RunAsync(string stack, string outDir, TextWriter stdout, TextWriter stderr, string root)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return await RenderAsync(stack, outDir, stdout, stderr, root);
        }
        catch (Exception ex) when (CommandErrors.IsUserError(ex))
        {
            return CommandErrors.Report(ex, Program, stderr);
        }
        catch (Exception ex) when (Find<RunException>(ex) is { } run)
        {
            await stderr.WriteLineAsync(run.Message);
            return 1;
        }
    }

    private static async Task<int> RenderAsync(string stack, string outDir, TextWriter stdout, TextWriter stderr, string root)
    {
        IConfigSource source = StackFile.Load(StackArgument.Resolve("<stack>", stack, root));
        // Before the program runs: a folder render may not write into fails in a second.
        var folder = RenderFolder.Claim("--out", outDir);
        var stackName = Path.GetFileNameWithoutExtension(stack).Replace("Pulumi.", "", StringComparison.Ordinal);
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks,
            new TestOptions { IsPreview = false, ProjectName = "superset", StackName = stackName },
            // A config secret (superset:oauth…ClientSecret, ldapBindPassword, slackToken) is ciphertext in the
            // stack file that only the stack's secrets provider decrypts: render stands a marked secret in for
            // it (the settings already refused a missing one; the manifests written mask every secret).
            () => SupersetProgram.Run(source, stackName, key => Output.CreateSecret($"(config secret {key}, encrypted in the stack file)")));

        // Who can reach whom, as the rendered NetworkPolicies decide it (connections.md beside the manifests).
        var topology = TopologyBuilder.For(Planner.Plan(SettingsLoader.Load(source), source.Origin));
        var rows = ConnectionMatrix.Evaluate(topology, Manifests(mocks.Resources));
        var manifests = mocks.Resources.Select(ManifestWriter.Render).ToList();
        folder.Write(stackName, [.. manifests, (ConnectionsFile, ConnectionMatrix.Markdown(topology, rows, stackName))]);
        var replaced = folder.PreviousStack is { } previous && previous != stackName ? $" (replacing the render of stack {previous})" : "";
        await stdout.WriteLineAsync($"rendered {manifests.Count} resources of stack {stackName} into {outDir}{replaced}");
        var wrong = rows.Where(r => !r.AsIntended).ToList();
        await stdout.WriteLineAsync($"{rows.Count} connections evaluated against the NetworkPolicies, {wrong.Count} not as intended: {Path.Combine(outDir, ConnectionsFile)}");
        foreach (var r in wrong)
        {
            await stderr.WriteLineAsync($"  - {(r.Needed ? "needed but refused" : "forbidden but allowed")}: {r.Connection.From.Label} -> {r.Connection.To}:{r.Connection.Port} ({r.Connection.Why}): {r.Detail}");
        }

        return wrong.Count == 0 ? 0 : 1;
    }

    /// <summary>The connection matrix's file, beside the manifests.</summary>
    internal const string ConnectionsFile = "connections.md";

    /// <summary>The Kubernetes objects among the recorded resources, as plain manifests.</summary>
    internal static IEnumerable<IReadOnlyDictionary<string, object?>> Manifests(IEnumerable<RenderedResource> resources) =>
        resources.Where(r => r.IsKubernetes).Select(r => (IReadOnlyDictionary<string, object?>)ManifestWriter.ToPlain(r.Inputs)!);

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }

            if (ex is AggregateException agg && agg.InnerExceptions.Select(Find<T>).FirstOrDefault(f => f is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
