using System.CommandLine;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm etl run [--full]</c>: the nightly batch load of the DuckDB warehouse; <c>crm etl stream</c>: the streaming load.</summary>
public static class EtlCommand
{
    public static Command Create(GlobalOptions options)
    {
        var full = new Option<bool>("--full") { Description = "Rebuild the warehouse from scratch instead of loading what changed since the last run." };
        var warehouse = WarehouseLoad.PathOption();
        var run = new Command("run", "Load what changed in the operational DB (by outbox sequence) into the warehouse, then check data quality (exit 1 if a check fails).")
        {
            full, warehouse,
        };
        run.SetAction(parse => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            return await WarehouseLoad.RunAsync(database, parse.GetValue(warehouse)!, parse.GetValue(full)) ? 0 : 1;
        }));
        var streamWarehouse = WarehouseLoad.PathOption();
        var stream = new Command("stream", "Tail the outbox and load each change into the warehouse within seconds, printing the lag, until Ctrl+C.")
        {
            streamWarehouse,
        };
        stream.SetAction(parse => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            await EtlStream.RunAsync(database, parse.GetValue(streamWarehouse)!);
            return 0;
        }));
        return new Command("etl", "The warehouse ETL.") { run, stream };
    }
}
