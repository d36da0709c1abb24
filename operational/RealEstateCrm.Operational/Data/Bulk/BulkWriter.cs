using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Operational.Data.Bulk;

/// <summary>Loads many rows of any entity type straight into its table, bypassing the change tracker
/// and the per-row outbox. Each <see cref="WriteAsync{T}"/> call is one transaction. Instead of an
/// outbox row per entity, <see cref="CompleteAsync"/> writes one <see cref="OutboxOperations.BulkLoad"/>
/// row per loaded table (sequences drawn from outbox_counter in that same transaction, so they stay
/// gap-free) telling the streaming ETL to extract those tables in full.</summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly CrmDbContext _db;
    private readonly Dictionary<Type, BulkTable> _tables = [];
    private readonly List<(BulkTable Table, long Rows)> _loaded = [];
    private long? _sqliteSynchronous;
    private readonly System.Diagnostics.Stopwatch _writing = new();

    private BulkWriter(CrmDbContext db) => _db = db;

    public DatabaseProvider Provider => _db.Provider;

    /// <summary>Time spent inside <see cref="WriteAsync{T}"/>: the bulk path's own cost, without whatever built the rows.</summary>
    public TimeSpan WriteTime => _writing.Elapsed;

    /// <summary>Rows written so far, per table, in the order tables were first loaded.</summary>
    public IReadOnlyList<(string Table, long Rows)> RowsWritten => _loaded.Select(l => (l.Table.Name, l.Rows)).ToList();

    public static async Task<BulkWriter> OpenAsync(CrmDatabase database, CancellationToken ct = default)
    {
        if (database.Options.Provider is not (DatabaseProvider.Sqlite or DatabaseProvider.Postgres))
            throw new ArgumentException($"--db: bulk loading supports SQLite and PostgreSQL, not {database.Options.Provider}");
        var writer = new BulkWriter(database.CreateContext("bulk-load"));
        await writer._db.Database.OpenConnectionAsync(ct);
        if (writer.Provider == DatabaseProvider.Sqlite)
        {
            // A crash mid-load loses at most the load itself (the database is empty when seeding
            // starts), so skipping fsync per commit is safe; the previous setting comes back at the end.
            writer._sqliteSynchronous = Convert.ToInt64(await writer.ScalarAsync("PRAGMA synchronous", ct), System.Globalization.CultureInfo.InvariantCulture);
            // Keys and indexes take rows in random order, so with the default 2 MB page cache every insert
            // rereads index pages; 128 MB (per connection, this one only) keeps the hot pages in memory.
            await writer._db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL; PRAGMA cache_size=-131072;", ct);
        }
        return writer;
    }

    /// <summary>Inserts the rows (already fully built, keys included) in one transaction.</summary>
    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var table = Table(typeof(T));
        _writing.Start();
        try
        {
            await WriteInTransactionAsync(table, rows, ct);
        }
        finally
        {
            _writing.Stop();
        }
    }

    private async Task WriteInTransactionAsync<T>(BulkTable table, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        var connection = _db.Database.GetDbConnection();
        var written = Provider == DatabaseProvider.Postgres
            ? await PostgresBinaryCopy.WriteAsync((NpgsqlConnection)connection, table, rows, ct)
            : SqliteBulkInsert.Write(connection, transaction.GetDbTransaction(), table, rows, ct);
        await transaction.CommitAsync(ct);
        var index = _loaded.FindIndex(l => l.Table == table);
        if (index < 0) _loaded.Add((table, written));
        else _loaded[index] = (table, _loaded[index].Rows + written);
    }

    /// <summary>Runs a set-based statement (e.g. deriving unit statuses from the loaded contracts) as part of the load.</summary>
    public Task ExecuteAsync(string sql, CancellationToken ct = default) => _db.Database.ExecuteSqlRawAsync(sql, ct);

    /// <summary>Writes the bulk-load outbox rows, one per table loaded, in one transaction.</summary>
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        // Tables the outbox never reports (the generator's ground truth) get no marker either.
        var announced = _loaded.Where(l => OutboxAndAuditInterceptor.IsTracked(l.Table.ClrType)).ToList();
        _loaded.Clear();
        if (announced.Count == 0) return;
        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        var first = await OutboxSequenceDraw.ReserveAsync(_db, announced.Count, sync: false, ct);
        var now = DateTime.UtcNow;
        for (var i = 0; i < announced.Count; i++)
        {
            var (table, rows) = announced[i];
            _db.OutboxMessages.Add(new OutboxMessage
            {
                Sequence = first + i,
                Entity = table.Entity,
                EntityKey = table.Name,
                Operation = OutboxOperations.BulkLoad,
                Payload = JsonSerializer.Serialize(new { table = table.Name, rows }),
                OccurredAt = now,
            });
        }
        await _db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private BulkTable Table(Type type)
    {
        if (!_tables.TryGetValue(type, out var table)) _tables[type] = table = BulkTable.For(_db, type);
        return table;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using DbCommand command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteSynchronous is { } level && _db.Database.GetDbConnection().State == ConnectionState.Open)
        {
            // PRAGMA takes no parameters; the value is the integer SQLite itself reported.
            var restore = "PRAGMA synchronous=" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await _db.Database.ExecuteSqlRawAsync(restore);
        }
        await _db.DisposeAsync();
    }
}
