using Superset.Stacks.Settings;
using Superset.Stacks.Sizing;

// Work in progress: `plan <stack>` loads and validates the stack file and prints the web sizing input.
if (args.Length < 2 || args[0] != "plan")
{
    Console.Error.WriteLine("usage: plan <stack|path>");
    return 2;
}

try
{
    var path = StackFile.Resolve(args[1], Directory.GetCurrentDirectory());
    var settings = SettingsLoader.Load(StackFile.Load(path));
    Console.WriteLine($"tier: {settings.Tier}");
    Console.WriteLine($"web.requiredWorkers: {WorkerFormula.RequiredWorkers(settings.Sizing)}");
    return 0;
}
catch (SettingsException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
