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
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[statement.Columns.Count];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : ToType(reader.GetValue(i), statement.Columns[i].Type);
            rows.Add(row);
        }
        return new OlapResult(statement.Columns, rows, statement.Sql);
    }

    private static object ToType(object value, Type type) => value switch
    {
        _ when value.GetType() == type => value,
        DateTime dt when type == typeof(DateOnly) => DateOnly.FromDateTime(dt),
        System.Numerics.BigInteger big when type == typeof(long) => (long)big,
        _ => Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture),
    };
}
