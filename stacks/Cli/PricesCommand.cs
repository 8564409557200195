using System.CommandLine;
using Superset.Analysis.Commands;
using Superset.Analysis.Cost;

namespace Superset.Cli;

/// <summary>
/// <c>prices &lt;folder&gt; [--note text]…</c>: prints a new <c>stacks/Catalog/Prices/prices.csv</c> from AWS's price
/// data files in a folder (docs/cost.md, "Refreshing them"); exit code 1 when the folder is missing, a file
/// is missing or not AWS's data, or a catalog type is missing (each named, <see cref="CliProgram"/>).
/// </summary>
internal static class PricesCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "rds-postgresql-ondemand.json, elasticache.json, ebs.json and ec2-<region>.json for each region" };
        var note = new Option<string[]>("--note") { Description = "A header comment line (where the files came from)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("prices", "Rebuild the price table from AWS's published price data") { folder, note };
        command.SetAction(r =>
        {
            var notes = r.GetValue(note) ?? [];
            if (notes.FirstOrDefault(n => n.Contains('\n', StringComparison.Ordinal) || n.Contains('\r', StringComparison.Ordinal)) is { } multiline)
            {
                throw new UsageException("--note", multiline.ReplaceLineEndings(" "), "one line per --note (each becomes one comment line of the CSV)");
            }

            var dir = r.GetValue(folder)!;
            UserPaths.InputFolder("<folder>", dir);
            r.InvocationConfiguration.Output.Write(PriceRefresh.FromFolder(dir, notes));
            return 0;
        });
        return command;
    }
}
