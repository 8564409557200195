using Superset.Render;

// `dotnet run --project render -- <stack> --out <dir>`: the program's resources, rendered offline.
// Exit codes: 0 done; 1 anything the user can fix, printed as one line naming the argument (or, for
// settings, every problem by key), a wrong command line (System.CommandLine's code for a parse
// error), or a connection not as intended; 70 a bug, named as one (SUPERSET_STACK_TRACE=1 prints
// where it happened).
return await RenderCommand.InvokeAsync(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
