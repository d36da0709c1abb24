using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using SQLitePCL;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Reads a whole SQLite table, or the rows with given ids, with SQLite's own API on the context's connection (so
/// inside its transaction, if any): each value is copied from SQLite's row buffer into a <see cref="SqliteRowChunk"/>.
/// Through the data reader every text value became a .NET string (UTF-8 decoded, then encoded back by the Appender) and
/// every other value a box: most of the reader thread's time and all of its garbage; and the rows it gave needed a staging
/// table and a cast in DuckDB, which the typed chunk does not.</summary>
internal static class SqliteTableScan
{
    public static async IAsyncEnumerable<RowChunk> ReadAsync(CrmDbContext db, string select, RawColumnKind[] kinds, [EnumeratorCancellation] CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            Check(raw.sqlite3_prepare_v2(connection, select, out var statement), connection);
            using (statement)
            {
                while (!ct.IsCancellationRequested)
                {
                    var (chunk, done) = ReadChunk(statement, connection, kinds);
                    if (chunk.Count > 0) yield return chunk;
                    if (done) yield break;
                }
                ct.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The rows whose key is one of <paramref name="ids"/>: <paramref name="selectById"/> (one parameter, the key) is
    /// prepared once and run per id, each a lookup in the key index; in key order the lookups walk the index once. Against
    /// 500-id IN lists through the data reader this saves parsing a statement per list and boxing every value.</summary>
    public static async IAsyncEnumerable<RowChunk> ReadByIdAsync(CrmDbContext db, string selectById, IEnumerable<Guid> ids, RawColumnKind[] kinds,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            Check(raw.sqlite3_prepare_v2(connection, selectById, out var statement), connection);
            using (statement)
            {
                var chunk = new SqliteRowChunk(kinds);
                foreach (var id in ids)
                {
                    ct.ThrowIfCancellationRequested();
                    // EF's SQLite provider stores a GUID key as its upper-case text (SqliteStoredText parses the same form).
                    Check(raw.sqlite3_bind_text(statement, 1, id.ToString("D").ToUpperInvariant()), connection);
                    ReadRowsOf(statement, connection, chunk, kinds);
                    if (!chunk.IsFull) continue;
                    yield return chunk;
                    chunk = new SqliteRowChunk(kinds);
                }
                if (chunk.Count > 0) yield return chunk;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The connection's mutex is held for the whole chunk (not across the yield: the iterator may resume on another thread).
    private static (SqliteRowChunk Chunk, bool Done) ReadChunk(sqlite3_stmt statement, sqlite3 connection, RawColumnKind[] kinds)
    {
        var chunk = new SqliteRowChunk(kinds);
        var handle = statement.DangerousGetHandle();
        using var held = SqliteNative.Lock(connection.DangerousGetHandle());
        while (!chunk.IsFull)
        {
            var rc = SqliteNative.Step(handle);
            if (rc == SqliteNative.Done) return (chunk, true);
            if (rc != SqliteNative.Row) Check(rc, connection);
            ReadRow(handle, chunk, kinds);
        }
        return (chunk, false);
    }

    /// <summary>The rows of one by-id lookup (bound already), under the connection's mutex; resets the statement.</summary>
    private static void ReadRowsOf(sqlite3_stmt statement, sqlite3 connection, SqliteRowChunk chunk, RawColumnKind[] kinds)
    {
        var handle = statement.DangerousGetHandle();
        using var held = SqliteNative.Lock(connection.DangerousGetHandle());
        int rc;
        while ((rc = SqliteNative.Step(handle)) == SqliteNative.Row) ReadRow(handle, chunk, kinds);
        if (rc != SqliteNative.Done) Check(rc, connection);
        raw.sqlite3_reset(statement);
    }

    private static void ReadRow(nint statement, SqliteRowChunk chunk, RawColumnKind[] kinds)
    {
        var slot = chunk.AddRow();
        for (var i = 0; i < kinds.Length; i++, slot++)
        {
            if (SqliteNative.ColumnType(statement, i) == SqliteNative.NullType)
            {
                chunk.SetNull(slot);
                continue;
            }
            switch (kinds[i])
            {
                case RawColumnKind.Integer or RawColumnKind.BigInt or RawColumnKind.Boolean: chunk.SetInteger(slot, SqliteNative.ColumnInt64(statement, i)); break;
                case RawColumnKind.Double: chunk.SetDouble(slot, SqliteNative.ColumnDouble(statement, i)); break;
                // A TEXT value's blob is its UTF-8 bytes, unconverted.
                default: chunk.SetStoredText(slot, kinds[i], SqliteNative.ColumnBytesOf(statement, i)); break;
            }
        }
    }

    internal static void Check(int rc, sqlite3 connection)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection);
    }
}
