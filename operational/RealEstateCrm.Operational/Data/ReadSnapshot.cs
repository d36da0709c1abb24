using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RealEstateCrm.Operational.Data;

/// <summary>A read transaction in which every read of the context sees the database as it was at one moment, while
/// writers go on (SQLite in WAL mode, PostgreSQL MVCC): for a backup, and for an ETL run's outbox and rows.</summary>
public static class ReadSnapshot
{
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
