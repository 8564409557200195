using System.CommandLine;
using Superset.Cli;

// Pulumi-free command line. Exit codes: 0 done, 1 the settings cannot work (each problem printed
// with its key, value and what is valid) or the command line is wrong.
var root = new RootCommand("Superset on Kubernetes: sizing and checks without Pulumi")
{
    PlanCommand.Create(Directory.GetCurrentDirectory()),
    MonitoringCommand.Create(Directory.GetCurrentDirectory()),
    GenerateCommand.Create(Directory.GetCurrentDirectory()),
    SimulateCommand.Create(Directory.GetCurrentDirectory()),
    PricesCommand.Create(),
    SchemaCommand.Create(Directory.GetCurrentDirectory()),
    DocsCommand.Create(Directory.GetCurrentDirectory()),
};
return root.Parse(args).Invoke();
