using System.CommandLine;
using Superset.Analysis.Cost;

namespace Superset.Cli;

/// <summary>
/// <c>prices &lt;folder&gt; [--note text]…</c>: prints a new <c>stacks/Catalog/Prices/prices.csv</c> from AWS's price
/// data files in a folder (docs/cost.md, "Refreshing them"); exit code 1 when a catalog type is missing.
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
            try
            {
                r.InvocationConfiguration.Output.Write(PriceRefresh.FromFolder(r.GetValue(folder)!, r.GetValue(note) ?? []));
                return 0;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or System.Text.Json.JsonException or KeyNotFoundException)
            {
                r.InvocationConfiguration.Error.WriteLine($"prices: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
