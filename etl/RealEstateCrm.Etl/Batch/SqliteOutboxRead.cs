using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Outbox;
using SQLitePCL;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Reads an incremental run's outbox rows with SQLite's own API: an entity name and an operation per row are a handful
/// of distinct values, each turned into a string once, and a key is parsed from its UTF-8 bytes. Through the data reader each
/// row made three strings, a run's first cost before DuckDB has anything to do.</summary>
internal static class SqliteOutboxRead
{
    /// <summary>Runs <paramref name="select"/> (entity, key, operation; parameters @from and @to) on the context's open
    /// connection and calls <paramref name="row"/> per row: the entity, the key's characters, and whether it is a bulk load.</summary>
    public static void Read(CrmDbContext db, string select, long from, long to, RowAction row)
    {
        var connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        SqliteTableScan.Check(raw.sqlite3_prepare_v2(connection, select, out var statement), connection);
        using (statement)
        {
            SqliteTableScan.Check(raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@from"), from), connection);
            SqliteTableScan.Check(raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@to"), to), connection);
            var handle = statement.DangerousGetHandle();
            var entities = new List<(byte[] Utf8, string Text)>();
            Span<char> key = stackalloc char[64];
            using var held = SqliteNative.Lock(connection.DangerousGetHandle());
            int rc;
            while ((rc = SqliteNative.Step(handle)) == SqliteNative.Row)
            {
                var entity = Intern(entities, SqliteNative.ColumnBytesOf(handle, 0));
                var keyBytes = SqliteNative.ColumnBytesOf(handle, 1);
                var keyLength = keyBytes.Length <= key.Length ? Encoding.UTF8.GetChars(keyBytes, key) : 0;
                row(entity, key[..keyLength], SqliteNative.ColumnBytesOf(handle, 2).SequenceEqual(BulkLoad));
            }
            if (rc != SqliteNative.Done) SqliteTableScan.Check(rc, connection);
        }
    }

    public delegate void RowAction(string entity, ReadOnlySpan<char> key, bool bulkLoad);

    private static readonly byte[] BulkLoad = Encoding.UTF8.GetBytes(OutboxOperations.BulkLoad);

    // Entity names are a few dozen at most, and consecutive rows mostly share one: a short list beats hashing the bytes.
    private static string Intern(List<(byte[] Utf8, string Text)> known, ReadOnlySpan<byte> name)
    {
        foreach (var (utf8, text) in known)
            if (name.SequenceEqual(utf8)) return text;
        var added = Encoding.UTF8.GetString(name);
        known.Add((name.ToArray(), added));
        return added;
    }
}
