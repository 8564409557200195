using Superset.Cli;

// Pulumi-free command line (CliProgram.cs). Exit codes: 0 done; 1 anything the user can fix, printed
// as one line naming the argument or, for settings, every problem by key, value and what is valid
// (a wrong command line is 1 too: System.CommandLine's code for a parse error); 70 a bug in the
// program, named as one (SUPERSET_STACK_TRACE=1 prints where it happened).
return CliProgram.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
