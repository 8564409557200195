using Pulumi;
using Superset.Infra;

return await Deployment.RunAsync(() =>
    SupersetProgram.Run(new PulumiConfigSource(new Config("superset"), Deployment.Instance.StackName), Deployment.Instance.StackName));
