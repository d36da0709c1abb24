using System.Data.Common;

namespace RealEstateCrm.Operational.Data.Bulk;

/// <summary>SQLite path: one prepared single-row INSERT per table, rebound for every row, all inside the
/// caller's transaction. SQLite has no COPY; a prepared statement in one transaction is its fastest
/// load, because the cost is in the commit, not in the statement.</summary>
internal static class SqliteBulkInsert
{
    // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway and only add a
    // task per row.
    public static int Write(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object> rows, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        // The type mapping configures each parameter the way EF does (Guid, decimal and dates as TEXT).
        var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(command, $"$p{i}", null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = table.Columns[i].StoredValue(row) ?? DBNull.Value;
            command.ExecuteNonQuery();
            if (++count % 10_000 == 0) ct.ThrowIfCancellationRequested();
        }
        return count;
    }
}
