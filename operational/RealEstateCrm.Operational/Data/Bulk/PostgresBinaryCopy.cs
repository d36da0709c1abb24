using Npgsql;
using NpgsqlTypes;

namespace RealEstateCrm.Operational.Data.Bulk;

/// <summary>PostgreSQL path: binary COPY, the server's own bulk protocol (no SQL parsing per row).</summary>
internal static class PostgresBinaryCopy
{
    public static async Task<int> WriteAsync(NpgsqlConnection connection, BulkTable table, IEnumerable<object> rows, CancellationToken ct)
    {
        var types = table.Columns.Select(ColumnType).ToArray();
        var sql = $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        var count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < types.Length; i++)
            {
                var value = table.Columns[i].StoredValue(row);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, types[i], ct);
            }
            count++;
        }
        await importer.CompleteAsync(ct);
        return count;
    }

    // From the stored (converted) CLR type: enums arrive here as strings already.
    private static NpgsqlDbType ColumnType(BulkColumn column)
    {
        var clr = Nullable.GetUnderlyingType(column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType)
                  ?? column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
        return clr switch
        {
            _ when clr == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when clr == typeof(DateTime) => NpgsqlDbType.TimestampTz,
            _ when clr == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when clr == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when clr == typeof(bool) => NpgsqlDbType.Boolean,
            _ when clr == typeof(string) => NpgsqlDbType.Text,
            _ when clr == typeof(int) => NpgsqlDbType.Integer,
            _ when clr == typeof(long) => NpgsqlDbType.Bigint,
            _ when clr == typeof(double) => NpgsqlDbType.Double,
            _ => throw new NotSupportedException($"column {column.Name}: no binary COPY type for {clr.Name}"),
        };
    }
}
