using System.Data.Common;
using DuckDB.NET.Data;

namespace RealEstateCrm.Warehouse.Olap;

/// <summary>Runs OLAP queries on a warehouse connection: the API the CLI and the web UI share. With
/// <paramref name="useRollups"/> (the default) a query reads a rollup of its fact when one has all it needs.</summary>
public sealed class OlapEngine(DuckDBConnection connection, bool useRollups = true)
{
    public async Task<OlapResult> QueryAsync(OlapQuery query, CancellationToken ct = default)
    {
        var statement = OlapSqlBuilder.Build(query, useRollups);
        await using var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var (name, value) in statement.Parameters) command.Parameters.Add(new DuckDBParameter(name, value));
        var cells = CellReaders(statement);
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[cells.Length];
            for (var i = 0; i < row.Length; i++) row[i] = cells[i](reader);
            rows.Add(row);
        }
        return new OlapResult(statement.Columns, rows, statement.Sql);
    }

    private static readonly object DetailRow = 0;

    /// <summary>A reader per result column: the typed getter of its CLR type at its position in the statement (DuckDB.NET
    /// converts narrower integers, e.g. a SMALLINT year to int, without a boxed intermediate), or the constant
    /// grouping_id of a statement that does not select it.</summary>
    private static Func<DbDataReader, object?>[] CellReaders(OlapStatement statement)
    {
        var cells = new Func<DbDataReader, object?>[statement.Columns.Count];
        var ordinal = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            var column = statement.Columns[i];
            cells[i] = column.Role == OlapColumnRole.GroupingId && !statement.SelectsGroupingId ? _ => DetailRow : Typed(ordinal++, column.Type);
        }
        return cells;
    }

    private static Func<DbDataReader, object?> Typed(int i, Type type) =>
        type == typeof(long) ? r => r.IsDBNull(i) ? null : r.GetInt64(i)
        : type == typeof(double) ? r => r.IsDBNull(i) ? null : r.GetDouble(i)
        : type == typeof(string) ? r => r.IsDBNull(i) ? null : r.GetString(i)
        : type == typeof(int) ? r => r.IsDBNull(i) ? null : r.GetInt32(i)
        : type == typeof(decimal) ? r => r.IsDBNull(i) ? null : r.GetDecimal(i)
        : type == typeof(bool) ? r => r.IsDBNull(i) ? null : r.GetBoolean(i)
        : type == typeof(DateOnly) ? r => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i)
        : throw new NotSupportedException($"OLAP column type {type.Name} has no reader");
}
