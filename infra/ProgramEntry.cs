namespace Superset.Infra;

/// <summary>
/// What <c>Program.cs</c> does before it hands over to Pulumi's engine: <c>--help</c> says what the
/// program is and how to run it, and a run outside the engine (Pulumi's <c>Deployment.RunAsync</c>
/// would throw with a stack trace) is one line. Null means: run the program.
/// </summary>
public static class ProgramEntry
{
    /// <summary>The environment variables the Pulumi CLI sets for the program it starts (what <c>Deployment</c> reads).</summary>
    public static IReadOnlyList<string> EngineVariables { get; } = ["PULUMI_MONITOR", "PULUMI_ENGINE"];

    /// <summary>What <c>--help</c> prints.</summary>
    public const string Help = """
        Superset.Infra: the Pulumi program that deploys Apache Superset (Pulumi.yaml, main: infra/).
        It reads the stack's superset: config, plans every size from it and declares the resources.

        The Pulumi CLI runs it, from the repository root:
          pulumi preview -s dev      what an update would change (`pulumi stack init dev` first)
          pulumi up -s dev           deploy

        Without the Pulumi CLI or a cluster:
          dotnet run --project render -- dev --out out/dev     every resource, rendered as YAML
          dotnet run --project stacks/Cli -- plan dev          every computed size and the monthly cost
        """;

    /// <summary>
    /// The exit code when the program must not run (help: 0; outside the engine: 1), with what it
    /// printed; null to run it under the engine.
    /// </summary>
    public static int? Before(IReadOnlyList<string> args, Func<string, string?> environment, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Any(a => a is "--help" or "-h" or "-?" or "help"))
        {
            stdout.WriteLine(Help);
            return 0;
        }

        if (EngineVariables.Any(v => string.IsNullOrEmpty(environment(v))))
        {
            stderr.WriteLine("Superset.Infra is a Pulumi program and runs under the Pulumi engine: use `pulumi preview` or `pulumi up` (or `dotnet run --project render -- <stack> --out <dir>` without Pulumi; --help says more).");
            return 1;
        }

        return null;
    }
}
