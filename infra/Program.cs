using Pulumi;
using Superset.Infra;
using Superset.Infra.Render;

// `pulumi up` / `pulumi preview` run this with no arguments; `render` runs the same program
// under the mock engine and writes what it declares (README, "Render a stack offline").
if (args is ["render", .. var rest])
{
    return await RenderCommand.RunAsync(rest, Console.Out, Console.Error, Directory.GetCurrentDirectory());
}

return await Deployment.RunAsync(() =>
    SupersetProgram.Run(new PulumiConfigSource(new Config("superset"), Deployment.Instance.StackName), Deployment.Instance.StackName));
