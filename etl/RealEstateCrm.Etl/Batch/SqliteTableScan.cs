using System.Runtime.CompilerServices;
using System.Text;
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
    public static IAsyncEnumerable<RowChunk> ReadAsync(CrmDbContext db, string select, RawColumnKind[] kinds, CancellationToken ct) =>
        ScanAsync(db, select, null, kinds, ct);

    /// <summary>The rows whose key is one of <paramref name="ids"/>, in one statement: <paramref name="selectByIds"/> takes them as
    /// a JSON array of key texts (?1). It should look the keys' rowids up in the key index, which SQLite does in key order, and
    /// fetch the rows in rowid order, so the table is swept once, in file order: the day's new rows sit together at its end
    /// and are read page after page. A statement run per id fetched the rows in key order instead (a random page each) and
    /// paid a bind, step and reset per row; 500-id IN lists through the data reader paid a parse per list and a box per value.</summary>
    public static IAsyncEnumerable<RowChunk> ReadByIdAsync(CrmDbContext db, string selectByIds, IEnumerable<Guid> ids, RawColumnKind[] kinds,
        CancellationToken ct) => ScanAsync(db, selectByIds, KeysJson(ids), kinds, ct);

    private static async IAsyncEnumerable<RowChunk> ScanAsync(CrmDbContext db, string select, string? parameter, RawColumnKind[] kinds,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            Check(raw.sqlite3_prepare_v2(connection, select, out var statement), connection);
            using (statement)
            {
                if (parameter is not null) Check(raw.sqlite3_bind_text(statement, 1, parameter), connection);
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

    // EF's SQLite provider stores a GUID key as its upper-case text (SqliteStoredText parses the same form).
    private static string KeysJson(IEnumerable<Guid> ids)
    {
        var json = new StringBuilder("[");
        foreach (var id in ids) json.Append(json.Length == 1 ? "\"" : ",\"").Append(id.ToString("D").ToUpperInvariant()).Append('"');
        return json.Append(']').ToString();
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
