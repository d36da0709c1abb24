using System.Text.Json;
using System.Text.Json.Serialization;
using DuckDB.NET.Data;

namespace RealEstateCrm.Warehouse.Export;

/// <summary>Writes the warehouse's dimension and fact tables as Parquet for other engines (DuckDB, Spark, Trino):
/// event facts hive-partitioned by the month of their main event date, dimensions and daily snapshots as one file
/// each, and a <see cref="ExportManifest"/>. Only identifiers read from information_schema are spliced into SQL.</summary>
public sealed class ParquetExport(WarehouseDatabase warehouse, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> PartitionColumns = ["year", "month"];

    /// <summary>The date key each event fact is partitioned by: the moment its row starts to exist for the business
    /// (a lead's creation, a contract's signing, a call's start). The daily snapshots are not partitioned: each is
    /// small (a row per project and status per day) and readers want all its days at once.</summary>
    public static readonly IReadOnlyDictionary<string, string> PartitionDateKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fact_lead_funnel"] = "created_date_key",
        ["fact_sale"] = "signed_date_key",
        ["fact_payment"] = "paid_date_key",
        ["fact_call"] = "started_date_key",
        ["fact_work_order"] = "opened_date_key",
        ["fact_inspection_issue"] = "found_date_key",
        ["fact_campaign_touch"] = "added_date_key",
        ["fact_competitor_price"] = "observed_date_key",
    };

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The tables an export can write: every <c>dim_*</c> and <c>fact_*</c> table (not the ETL's mirror and bookkeeping).</summary>
    public async Task<IReadOnlyList<string>> ExportableTablesAsync(CancellationToken ct = default) =>
        [.. (await warehouse.TableNamesAsync(ct)).Where(n => n.StartsWith("dim_", StringComparison.Ordinal) || n.StartsWith("fact_", StringComparison.Ordinal))];

    /// <summary>The tables to export, in warehouse order: all when <paramref name="requested"/> is empty, else those
    /// named; an unknown name is refused with the list of valid ones.</summary>
    public async Task<IReadOnlyList<string>> ResolveTablesAsync(IReadOnlyCollection<string> requested, CancellationToken ct = default)
    {
        var exportable = await ExportableTablesAsync(ct);
        if (requested.Count == 0) return exportable;
        var unknown = requested.Where(name => !exportable.Contains(name, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown table {string.Join(", ", unknown)}; valid tables: {string.Join(", ", exportable)}", "tables");
        return [.. exportable.Where(requested.Contains)];
    }

    /// <summary>Exports <paramref name="tables"/> (all when empty) into <paramref name="directory"/>, created if
    /// missing; a non-empty directory is refused unless <paramref name="overwrite"/>, then replaced as a whole.
    /// All tables are read in one transaction, so the manifest's counts describe one consistent moment.</summary>
    public async Task<ExportManifest> RunAsync(string directory, IReadOnlyCollection<string> tables, bool overwrite,
        Action<ExportedTable>? tableWritten = null, CancellationToken ct = default)
    {
        var selected = await ResolveTablesAsync(tables, ct);
        var target = ExportDirectory.Prepare(directory, overwrite);
        try
        {
            var written = new List<ExportedTable>();
            await using (var transaction = await warehouse.Connection.BeginTransactionAsync(ct))
            {
                foreach (var table in selected)
                {
                    var exported = await WriteTableAsync(target.Staging, table, ct);
                    written.Add(exported);
                    tableWritten?.Invoke(exported);
                }
                await transaction.CommitAsync(ct);
            }
            var manifest = new ExportManifest("parquet", await warehouse.SchemaVersionAsync(ct), clock.GetUtcNow(), written);
            await File.WriteAllTextAsync(Path.Combine(target.Staging, ExportManifest.FileName), JsonSerializer.Serialize(manifest, ManifestJson), ct);
            target.Commit();
            return manifest;
        }
        catch
        {
            target.Abandon();
            throw;
        }
    }

    private async Task<ExportedTable> WriteTableAsync(string staging, string table, CancellationToken ct)
    {
        var rows = Convert.ToInt64(await warehouse.ScalarAsync($"SELECT count(*) FROM {Quote(table)}", ct));
        if (!PartitionDateKeys.TryGetValue(table, out var dateKey))
        {
            var file = table + ".parquet";
            await warehouse.ExecuteAsync($"COPY {Quote(table)} TO {Literal(Path.Combine(staging, file))} (FORMAT PARQUET)", ct);
            return new ExportedTable(table, file, rows, null, []);
        }
        await RequirePartitionableAsync(table, dateKey, ct);
        // Plain integers (month=3, not month=03): DuckDB and Trino then type the partition columns as integers without
        // hints; DuckDB reads a zero-padded month back as VARCHAR.
        var key = Quote(dateKey);
        await warehouse.ExecuteAsync(
            $"COPY (SELECT *, {key} // 10000 AS year, {key} // 100 % 100 AS month FROM {Quote(table)}) " +
            $"TO {Literal(Path.Combine(staging, table))} (FORMAT PARQUET, PARTITION_BY (year, month))", ct);
        return new ExportedTable(table, table, rows, dateKey, PartitionColumns);
    }

    // The partition columns are added to the rows, so a fact must not already have one; and its date key must exist.
    private async Task RequirePartitionableAsync(string table, string dateKey, CancellationToken ct)
    {
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $table";
        command.Parameters.Add(new DuckDBParameter("table", table));
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        if (!columns.Contains(dateKey, StringComparer.Ordinal))
            throw new InvalidOperationException($"{table} has no column {dateKey} to partition by");
        if (columns.Intersect(PartitionColumns, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } clash)
            throw new InvalidOperationException($"{table} already has a column {clash}, which the partitioning adds");
    }

    private static string Quote(string identifier) => '"' + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    private static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
