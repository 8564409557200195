using Pulumi;
using Superset.Infra;

// `pulumi up` and `pulumi preview` run this; `render` (render/) runs the same program under
// Pulumi's mock engine and writes what it declares. Run directly: `--help` (exit 0) says how to run
// it; anything else outside the engine is one line and exit 1 (ProgramEntry.cs).
if (ProgramEntry.Before(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error) is { } exit)
{
    return exit;
}

return await Deployment.RunAsync(() =>
    SupersetProgram.Run(new PulumiConfigSource(new Config("superset"), Deployment.Instance.StackName), Deployment.Instance.StackName));
