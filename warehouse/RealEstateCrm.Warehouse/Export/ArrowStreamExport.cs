using Apache.Arrow.Ipc;
using DuckDB.NET.Data;

namespace RealEstateCrm.Warehouse.Export;

/// <summary>Streams a query result of the warehouse as an Arrow IPC stream (for API clients: pandas, Polars, Arrow JS),
/// batch by batch as DuckDB produces them, so a large result never sits in memory whole.</summary>
public static class ArrowStreamExport
{
    /// <summary>Runs <paramref name="sql"/> (values as <paramref name="parameters"/>, never spliced in) and writes its
    /// result to <paramref name="output"/>, left open. An empty result still writes the schema. Returns the rows written.</summary>
    public static async Task<long> WriteAsync(WarehouseDatabase warehouse, string sql, IEnumerable<DuckDBParameter> parameters, Stream output, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters) command.Parameters.Add(parameter);
        using var result = command.ExecuteArrowStream();
        using var writer = new ArrowStreamWriter(output, result.Schema, leaveOpen: true);
        await writer.WriteStartAsync(ct);
        long rows = 0;
        while (await result.ReadNextRecordBatchAsync(ct) is { } batch)
        {
            using (batch)
            {
                await writer.WriteRecordBatchAsync(batch, ct);
                rows += batch.Length;
            }
        }
        await writer.WriteEndAsync(ct);
        return rows;
    }
}
