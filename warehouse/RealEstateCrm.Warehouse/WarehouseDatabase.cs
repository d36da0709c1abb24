using System.Globalization;
using System.Reflection;
using DuckDB.NET.Data;

namespace RealEstateCrm.Warehouse;

/// <summary>The DuckDB warehouse file. DuckDB allows one writing process per file, so the process that
/// owns the warehouse opens it once and keeps the connection; every load runs through it.</summary>
public sealed class WarehouseDatabase : IAsyncDisposable
{
    public const string DefaultPath = "data/warehouse.duckdb";

    private WarehouseDatabase(string path, DuckDBConnection connection, int fiscalYearStartMonth)
    {
        Path = path;
        Connection = connection;
        FiscalYearStartMonth = fiscalYearStartMonth;
    }

    public string Path { get; }
    public DuckDBConnection Connection { get; }
    /// <summary>First month of the fiscal year. 1 by default: the PRC Accounting Law fixes the fiscal year to the calendar year.</summary>
    public int FiscalYearStartMonth { get; }

    /// <summary>Opens (creating if needed) the file and applies the schema files not yet applied.</summary>
    public static async Task<WarehouseDatabase> OpenAsync(string path = DefaultPath, int fiscalYearStartMonth = 1, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (fiscalYearStartMonth is < 1 or > 12) throw new ArgumentException("fiscal year start month must be 1..12", nameof(fiscalYearStartMonth));
        RefuseForeignFile(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync(ct);
        var database = new WarehouseDatabase(path, connection, fiscalYearStartMonth);
        try
        {
            await database.ExecuteAsync(NoVacuum, ct);
            await database.ApplySchemaAsync(ct);
            await Olap.OlapRollups.EnsureAsync(database, ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return database;
    }

    // DuckDB opens some other formats (a CSV, for one) as a throwaway in-memory database without complaint: the
    // load would "succeed" and vanish. An existing file must carry DuckDB's header magic at offset 8.
    private static void RefuseForeignFile(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return;
        Span<byte> header = stackalloc byte[12];
        using (var file = File.OpenRead(path))
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header[8..].SequenceEqual("DUCK"u8)) return;
        throw new ArgumentException($"{path} is not a DuckDB database file", nameof(path));
    }

    // DuckDB vacuums in every checkpoint, and a load's commit checkpoints: it merged the row groups its deletes had thinned
    // out, night after night (at the large scale 2.7-5.1 s of each nightly commit against 1.1-1.6 s without, over five
    // nights of 1 % changed; bench/README.md, etl). Without it the deleted rows stay stored until CompactAsync, which in
    // one go reclaimed more of them (5.2 s) than the five nightly vacuums had. The setting is the process's, not the file's.
    private const string NoVacuum = "SET max_vacuum_tasks = 0";
    private const string Vacuum = "RESET max_vacuum_tasks";

    /// <summary>Merges the row groups the loads' deletes have thinned out, reclaiming the deleted rows' space where DuckDB
    /// can (row groups whose live rows fit in fewer), and records it in <c>warehouse_compaction</c>. The loads leave their
    /// deleted rows in place (see <see cref="NoVacuum"/>); the nightly run calls this once a week. Returns the rows DuckDB
    /// still stores for deleted rows, before and after.</summary>
    public async Task<(long DeadRowsBefore, long DeadRowsAfter)> CompactAsync(string reason, DateTime at, CancellationToken ct = default)
    {
        var before = await DeadRowsAsync(ct);
        await ExecuteAsync(Vacuum, ct);
        try
        {
            // The record is also the write the checkpoint needs: DuckDB skips a checkpoint when nothing was written since.
            await RecordCompactionAsync(reason, at, ct);
            await ExecuteAsync("FORCE CHECKPOINT", ct);
        }
        finally
        {
            await ExecuteAsync(NoVacuum, CancellationToken.None);
        }
        return (before, await DeadRowsAsync(ct));
    }

    /// <summary>Records a compaction at <paramref name="at"/> (UTC) without making one: a load from nothing, which writes every table afresh.</summary>
    public async Task RecordCompactionAsync(string reason, DateTime at, CancellationToken ct = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "INSERT INTO warehouse_compaction VALUES ($at, $reason)";
        command.Parameters.Add(new DuckDBParameter("at", at));
        command.Parameters.Add(new DuckDBParameter("reason", reason));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>When the warehouse was last compacted (UTC; null: never).</summary>
    public async Task<DateTime?> LastCompactedAsync(CancellationToken ct = default) =>
        await ScalarAsync("SELECT max(compacted_at) FROM warehouse_compaction", ct) as DateTime?;

    // Stored rows (each table's first column, its values: pragma_storage_info also lists validity segments) less live rows.
    private async Task<long> DeadRowsAsync(CancellationToken ct)
    {
        var tables = await TableNamesAsync(ct);
        if (tables.Count == 0) return 0;
        var sql = string.Join(" + ", tables.Select(t =>
            $"coalesce((SELECT sum(count) FROM pragma_storage_info('{t}') WHERE column_id = 0 AND column_path = '[0]'), 0) - (SELECT count(*) FROM {t})"));
        return Convert.ToInt64(await ScalarAsync($"SELECT CAST({sql} AS BIGINT)", ct), CultureInfo.InvariantCulture);
    }

    /// <summary>The schema version applied: the number of the last <c>Schema/NNN_*.sql</c> file run.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken ct = default) =>
        Convert.ToInt32(await ScalarAsync("SELECT coalesce(max(version), 0) FROM schema_version", ct));

    private async Task ApplySchemaAsync(CancellationToken ct)
    {
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)", ct);
        var applied = await SchemaVersionAsync(ct);
        foreach (var (version, name, sql) in SchemaFiles().Where(f => f.Version > applied))
        {
            // Each file and its version row commit together, so a failed file is retried whole next time.
            await using var transaction = await Connection.BeginTransactionAsync(ct);
            await ExecuteAsync(sql, ct);
            await ExecuteAsync($"INSERT INTO schema_version VALUES ({version}, '{name}', now()::TIMESTAMP)", ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> SchemaFiles()
    {
        var assembly = typeof(WarehouseDatabase).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Schema.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource["Schema.".Length..^".sql".Length];
            var version = int.Parse(name[..name.IndexOf('_')], CultureInfo.InvariantCulture);
            yield return (version, name, ReadResource(assembly, resource));
        }
    }

    internal static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"missing embedded resource {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Adds the calendar days from <paramref name="from"/> to <paramref name="to"/> that dim_date lacks.</summary>
    public async Task EnsureDatesAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from) return;
        await using var command = Connection.CreateCommand();
        command.CommandText = DateDimension.InsertMissingSql;
        command.Parameters.Add(new DuckDBParameter("from_date", from));
        command.Parameters.Add(new DuckDBParameter("to_date", to));
        command.Parameters.Add(new DuckDBParameter("fiscal_start", FiscalYearStartMonth));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken ct = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    /// <summary>The names of the warehouse's own tables (dimensions, facts, ETL bookkeeping), sorted.</summary>
    public async Task<IReadOnlyList<string>> TableNamesAsync(CancellationToken ct = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
