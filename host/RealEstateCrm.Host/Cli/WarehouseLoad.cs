using System.CommandLine;
using DuckDB.NET.Data;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary>Runs the nightly ETL with a progress display and prints the run and its data-quality checks;
/// shared by <c>crm etl run</c> and <c>crm demo</c>.</summary>
public static class WarehouseLoad
{
    public static Option<string> PathOption() => new("--warehouse")
    {
        Description = "The DuckDB warehouse file",
        DefaultValueFactory = _ => WarehouseDatabase.DefaultPath,
    };

    internal static async Task<WarehouseDatabase> OpenAsync(string path)
    {
        try
        {
            return await WarehouseDatabase.OpenAsync(path);
        }
        catch (Exception e) when (e is DuckDBException or ArgumentException)
        {
            // Most often another process (a running crm, a duckdb shell) holds the file: DuckDB allows one writer.
            throw new ArgumentException($"--warehouse: cannot open {path}: {e.Message}", e);
        }
    }

    /// <summary>Loads the warehouse; returns whether every data-quality check passed.</summary>
    public static async Task<bool> RunAsync(CrmDatabase database, string warehousePath, bool full)
    {
        if (string.IsNullOrWhiteSpace(warehousePath)) throw new ArgumentException("--warehouse: give a file path");
        await using var warehouse = await OpenAsync(warehousePath);
        var etl = new NightlyEtl(database, warehouse, TimeProvider.System);
        var result = await AnsiConsole.Status().StartAsync("extracting", async context =>
            await etl.RunAsync(full, new Progress<EtlProgress>(p => context.Status($"{Markup.Escape(p.Step)} ({p.RowsExtracted:N0} rows extracted)"))));

        AnsiConsole.MarkupLineInterpolated(
            $"[green]loaded[/] {warehouse.Path}: run {result.RunId} ({result.Mode}), outbox {result.FromSequence} → {result.ToSequence} ({result.OutboxEvents:N0} events), {result.RowsExtracted:N0} rows extracted");
        if (result.Compaction is { } compaction)
            AnsiConsole.MarkupLineInterpolated($"[green]compacted[/] (weekly): deleted rows still stored {compaction.DeadRowsBefore:N0} → {compaction.DeadRowsAfter:N0}");
        var failed = result.DataQuality.Where(r => !r.Passed).ToList();
        if (failed.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]data quality:[/] all {result.DataQuality.Count} checks passed (row counts, orphan keys, duplicate natural keys)");
            return true;
        }
        var table = new Table().AddColumns("check", "subject", "expected", "actual");
        foreach (var r in failed) table.AddRow(Markup.Escape(r.CheckKind), Markup.Escape(r.Subject), r.Expected.ToString("N0"), $"[red]{r.Actual:N0}[/]");
        AnsiConsole.MarkupLineInterpolated($"[red]data quality:[/] {failed.Count} of {result.DataQuality.Count} checks failed (stored in etl_dq_result, run {result.RunId})");
        AnsiConsole.Write(table);
        return false;
    }
}
