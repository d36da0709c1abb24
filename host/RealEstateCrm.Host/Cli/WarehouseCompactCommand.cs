using System.CommandLine;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm warehouse compact</c>: the weekly compaction of the nightly run, on demand (after a large delete, say).</summary>
public static class WarehouseCompactCommand
{
    public static Command Create()
    {
        var warehouse = WarehouseLoad.PathOption();
        var compact = new Command("compact", "Merge the row groups the loads' deleted rows have thinned out (the nightly run does this once a week) and record it in warehouse_compaction.")
        {
            warehouse,
        };
        compact.SetAction(parse => CliRunner.Run(async () =>
        {
            await using var database = await WarehouseLoad.OpenAsync(parse.GetValue(warehouse)!);
            var (before, after) = await AnsiConsole.Status().StartAsync("compacting", _ => database.CompactAsync("on demand", DateTime.UtcNow));
            AnsiConsole.MarkupLineInterpolated($"[green]compacted[/] {database.Path}: deleted rows still stored {before:N0} → {after:N0}");
            return 0;
        }));
        return compact;
    }
}
