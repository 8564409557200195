using Pulumi;
using Superset.Infra;

// `pulumi up` and `pulumi preview` run this; `render` (render/) runs the same program under
// Pulumi's mock engine and writes what it declares.
return await Deployment.RunAsync(() =>
    SupersetProgram.Run(new PulumiConfigSource(new Config("superset"), Deployment.Instance.StackName), Deployment.Instance.StackName));
