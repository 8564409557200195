using Superset.Stacks.Cli;

// Pulumi-free command line: `plan` (sizing), later `render` and `simulate`.
// Exit codes: 0 done, 1 the settings cannot work (each problem printed with its key), 2 usage.
return args switch
{
    ["plan", .. var rest] => PlanCommand.Run(rest, Console.Out, Console.Error, Directory.GetCurrentDirectory()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Superset.Stacks plan <stack|Pulumi.<stack>.yaml> [--json] [--diff <base>]");
    return 2;
}
