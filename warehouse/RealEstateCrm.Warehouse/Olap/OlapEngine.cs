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

    /// <summary>A reader per result column: the typed getter of its CLR type at its position in the statement (DuckDB.NET
    /// converts narrower integers, e.g. a SMALLINT year to int, without a boxed intermediate), or a grouping_id the statement
    /// does not select: 0 without subtotals, else one bit per grouping column (the first the highest, as GROUPING() gives
    /// them) set where that column reads NULL.</summary>
    private static Func<DbDataReader, object?>[] CellReaders(OlapStatement statement)
    {
        var cells = new Func<DbDataReader, object?>[statement.Columns.Count];
        var groups = statement.Columns.Count(c => c.Role == OlapColumnRole.Dimension);
        var ordinal = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            var column = statement.Columns[i];
            cells[i] = column.Role != OlapColumnRole.GroupingId ? Typed(ordinal++, column.Type)
                : statement.GroupingId switch
                {
                    OlapGroupingId.Selected => Typed(ordinal++, column.Type),
                    OlapGroupingId.FromNulls => FromNulls(groups),
                    _ => _ => BoxedGroupingIds[0],
                };
        }
        return cells;
    }

    // The ids a result can hold, boxed once: a row's cell is an object, and most results have one or two grouping columns.
    private static readonly object[] BoxedGroupingIds = [.. Enumerable.Range(0, 1 << 8).Select(i => (object)i)];

    private static Func<DbDataReader, object?> FromNulls(int groups) => r =>
    {
        var id = 0;
        for (var g = 0; g < groups; g++) id = id << 1 | (r.IsDBNull(g) ? 1 : 0);
        return id < BoxedGroupingIds.Length ? BoxedGroupingIds[id] : id;
    };

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
