using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace RealEstateCrm.Operational.Data;

/// <summary>A read transaction in which every read of the context sees the database as it was at one moment, while
/// writers go on (SQLite in WAL mode, PostgreSQL MVCC): for a backup, and for an ETL run's outbox and rows.</summary>
public static class ReadSnapshot
{
    /// <summary>Begins on <paramref name="db"/> a read transaction that sees exactly what <paramref name="holder"/>'s read
    /// snapshot sees (<see cref="BeginReadSnapshotAsync"/>, which must have read something already), so two connections
    /// can read one moment of the database side by side; null where there is no such moment to share: SQL Server cannot
    /// hand one over, and SQLite only from a WAL written to since it was made (a database nobody wrote to since the last
    /// connection closed has an empty one). <paramref name="holder"/> must stay in its snapshot until this returns, and is
    /// not used meanwhile.</summary>
    public static async Task<IDbContextTransaction?> TryJoinReadSnapshotAsync(this CrmDbContext db, CrmDbContext holder, CancellationToken ct = default)
    {
        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
                var held = ((SqliteConnection)holder.Database.GetDbConnection()).Handle!;
                if (raw.sqlite3_snapshot_get(held, "main", out var moment) != raw.SQLITE_OK) return null;
                using (moment)
                {
                    await db.Database.OpenConnectionAsync(ct);
                    var sqlite = (SqliteConnection)db.Database.GetDbConnection();
                    // A read of its own first: a connection opens the WAL on its first read, and a snapshot opens only on a
                    // connection that has it open.
                    await using (var read = sqlite.CreateCommand())
                    {
                        read.CommandText = "PRAGMA schema_version";
                        await read.ExecuteScalarAsync(ct);
                    }
                    var joined = (await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct))!;
                    // Between BEGIN and the first read: the read transaction opens on the holder's WAL snapshot, which the
                    // holder's own read keeps from being checkpointed away.
                    var opened = raw.sqlite3_snapshot_open(sqlite.Handle!, "main", moment);
                    if (opened != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(opened, sqlite.Handle);
                    return joined;
                }
            case DatabaseProvider.Postgres:
                string exported;
                await using (var export = holder.Database.GetDbConnection().CreateCommand())
                {
                    export.Transaction = holder.Database.CurrentTransaction?.GetDbTransaction();
                    export.CommandText = "SELECT pg_export_snapshot()";
                    exported = (string)(await export.ExecuteScalarAsync(ct))!;
                }
                var postgres = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
                await using (var import = db.Database.GetDbConnection().CreateCommand())
                {
                    import.Transaction = postgres.GetDbTransaction();
                    // Before any query of the transaction. SET takes no parameter: the id is the server's own, quoted anyway.
                    import.CommandText = $"SET TRANSACTION SNAPSHOT '{exported.Replace("'", "''", StringComparison.Ordinal)}'; SET TRANSACTION READ ONLY";
                    await import.ExecuteNonQueryAsync(ct);
                }
                return postgres;
            default:
                return null;
        }
    }

    public static async Task<IDbContextTransaction> BeginReadSnapshotAsync(this CrmDbContext db, CancellationToken ct = default)
    {
        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
                // A deferred BEGIN takes no write lock; its first read pins a WAL snapshot that every later read shares.
                // (Microsoft.Data.Sqlite's default, BEGIN IMMEDIATE, would hold off every writer until the end.)
                await db.Database.OpenConnectionAsync(ct);
                var sqlite = (SqliteConnection)db.Database.GetDbConnection();
                return (await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct))!;
            case DatabaseProvider.Postgres:
                var postgres = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
                await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", ct);
                return postgres;
            default:
                // SQL Server needs ALLOW_SNAPSHOT_ISOLATION ON for this; without it the server says so.
                return await db.Database.BeginTransactionAsync(IsolationLevel.Snapshot, ct);
        }
    }
}
