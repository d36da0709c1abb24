using System.Diagnostics;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Bench;

/// <summary>The raw DuckDB Appender on the rows the full ETL extracts: the same source tables, read as typed values
/// (<see cref="StoredTable.ReadPlainRows"/>: GUIDs, dates and decimals already parsed, as EF gives them, so the Appender
/// writes them straight into the typed columns), appended to the same ods_* tables, in one transaction, into an empty warehouse. Rows are materialised in memory
/// in chunks and only the appending is timed (the reading is timed apart), so <see cref="AppendRowsPerSecond"/> is the
/// Appender alone.</summary>
internal sealed record AppenderBaseline(long Rows, TimeSpan Read, TimeSpan Append)
{
    private const int ChunkRows = 100_000;

    public double AppendRowsPerSecond => Rows / Append.TotalSeconds;
    public double ReadAndAppendRowsPerSecond => Rows / (Read + Append).TotalSeconds;

    public static async Task<AppenderBaseline> MeasureAsync(CrmDatabase operational, string warehousePath)
    {
        await using var warehouse = await WarehouseDatabase.OpenAsync(warehousePath);
        await using var db = operational.CreateContext("bench");
        var tables = SourceTable.All(db);
        foreach (var table in tables) await warehouse.ExecuteAsync(table.CreateOdsSql());

        long rows = 0;
        var (read, append) = (new Stopwatch(), new Stopwatch());
        var chunk = new List<object?[]>(ChunkRows);
        await using var transaction = await warehouse.Connection.BeginTransactionAsync();
        foreach (var table in tables)
        {
            var appender = warehouse.Connection.CreateAppender(table.OdsName);
            read.Start();
            await foreach (var values in table.Stored.ReadPlainRows(db))
            {
                chunk.Add(values);
                if (chunk.Count < ChunkRows) continue;
                AppendChunk();
            }
            AppendChunk();
            read.Stop();
            append.Start();
            // Closing flushes the Appender's last rows into the table: part of appending.
            appender.Dispose();
            append.Stop();

            void AppendChunk()
            {
                read.Stop();
                append.Start();
                foreach (var values in chunk)
                {
                    var row = appender.CreateRow();
                    foreach (var value in values) OdsLoader.Append(row, value);
                    row.EndRow();
                }
                append.Stop();
                rows += chunk.Count;
                chunk.Clear();
                read.Start();
            }
        }
        append.Start();
        await transaction.CommitAsync();
        append.Stop();
        return new AppenderBaseline(rows, read.Elapsed, append.Elapsed);
    }
}
