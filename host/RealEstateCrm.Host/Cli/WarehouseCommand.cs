using System.CommandLine;
using RealEstateCrm.Warehouse.Export;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm warehouse export --to DIR --format parquet</c>: the warehouse as Parquet files for other engines; and
/// <c>crm warehouse compact</c> (<see cref="WarehouseCompactCommand"/>).</summary>
public static class WarehouseCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "Directory to write (created; must be empty unless --overwrite)", Required = true };
        var format = new Option<string>("--format") { Description = "File format", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet");
        var tables = new Option<string?>("--tables") { Description = "Comma-separated tables to export (default: every dim_* and fact_* table)" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace a non-empty directory (the new export is written beside it, then swapped in)" };
        var warehouse = WarehouseLoad.PathOption();
        var export = new Command("export", "Write the dimensions and facts as Parquet: event facts hive-partitioned by month (year=/month=), the rest one file each, plus _manifest.json.")
        {
            to, format, tables, overwrite, warehouse,
        };
        export.SetAction(parse => CliRunner.Run(async () =>
        {
            await using var database = await WarehouseLoad.OpenAsync(parse.GetValue(warehouse)!);
            var parquet = new ParquetExport(database, TimeProvider.System);
            var requested = (parse.GetValue(tables) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var manifest = await NameOptionOnRefusal(async () =>
            {
                var selected = await parquet.ResolveTablesAsync(requested);
                return await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var tasks = selected.ToDictionary(t => t, t => context.AddTask(Markup.Escape(t), autoStart: false, maxValue: 1));
                    return await parquet.RunAsync(parse.GetValue(to)!, selected, parse.GetValue(overwrite), written =>
                    {
                        tasks[written.Name].Description = Markup.Escape($"{written.Name} ({written.Rows:N0} rows)");
                        tasks[written.Name].Increment(1);
                    });
                });
            });
            // The live progress does not render when output is redirected; this table is what logs keep.
            var summary = new Table().AddColumns("table", "rows", "path", "partitioned by");
            foreach (var t in manifest.Tables) summary.AddRow(Markup.Escape(t.Name), t.Rows.ToString("N0"), Markup.Escape(t.Path), Markup.Escape(t.PartitionedBy ?? "-"));
            AnsiConsole.Write(summary);
            AnsiConsole.MarkupLineInterpolated(
                $"[green]exported[/] {manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Rows):N0} rows (schema version {manifest.SchemaVersion}) to {Path.GetFullPath(parse.GetValue(to)!)}; see {ExportManifest.FileName}");
            return 0;
        }));
        return new Command("warehouse", "The DuckDB warehouse.") { export, WarehouseCompactCommand.Create() };
    }

    // The export names its parameters; the user typed options.
    private static async Task<T> NameOptionOnRefusal<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (ArgumentException e) when (e.ParamName is "tables" or "directory")
        {
            var option = e.ParamName == "tables" ? "--tables" : "--to";
            throw new ArgumentException($"{option}: {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}", e);
        }
    }
}
