using System.Diagnostics;
using System.Globalization;
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
    // The suite name the child process runs under, and the line it reports its figures on.
    public const string ChildSuite = "etl-appender";
    private const string ResultLine = "appender baseline:";

    public double AppendRowsPerSecond => Rows / Append.TotalSeconds;
    public double ReadAndAppendRowsPerSecond => Rows / (Read + Append).TotalSeconds;

    /// <summary>Measures in a process of its own (this program, suite <see cref="ChildSuite"/>): the baseline's second DuckDB
    /// (its buffers, its multi-GB file) and the rows it reads are gone, memory and page cache, before the ETL's own runs
    /// are timed. Measured in the ETL's process between the full load and the incremental run, it had made that run half
    /// as slow again (bench/README.md, etl).</summary>
    public static async Task<AppenderBaseline> MeasureInOwnProcessAsync(string operationalPath)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the bench's own executable is not known");
        // Under `dotnet <dll>` the host is dotnet and needs the assembly; under `dotnet run` it is the bench's apphost.
        var info = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(typeof(AppenderBaseline).Assembly.Location);
        foreach (var argument in new[] { ChildSuite, operationalPath }) info.ArgumentList.Add(argument);
        using var child = Process.Start(info) ?? throw new InvalidOperationException($"{host} did not start");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var result = output.Split('\n').LastOrDefault(line => line.StartsWith(ResultLine, StringComparison.Ordinal));
        if (child.ExitCode != 0 || result is null) throw new InvalidOperationException($"the Appender baseline's process exited with {child.ExitCode}: {output}");
        var figures = result[ResultLine.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new AppenderBaseline(figures[0], TimeSpan.FromTicks(figures[1]), TimeSpan.FromTicks(figures[2]));
    }

    /// <summary>The child's side: measures on the operational database at args[0] into a temporary warehouse, deletes it,
    /// and prints the figures on one line for <see cref="MeasureInOwnProcessAsync"/>.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var operational = new CrmDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={args[0]}"));
        var warehousePath = Path.Combine(Path.GetTempPath(), $"crm-bench-appender-{Guid.NewGuid():N}.duckdb");
        try
        {
            var baseline = await MeasureAsync(operational, warehousePath);
            Console.WriteLine(FormattableString.Invariant($"{ResultLine} {baseline.Rows} {baseline.Read.Ticks} {baseline.Append.Ticks}"));
            return 0;
        }
        finally
        {
            foreach (var file in new[] { warehousePath, warehousePath + ".wal" }) File.Delete(file);
        }
    }

    private static async Task<AppenderBaseline> MeasureAsync(CrmDatabase operational, string warehousePath)
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
