using DuckDB.NET.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Rows read through a data reader as .NET values (<see cref="SourceTable.ReadAsync"/>'s general path: PostgreSQL,
/// reads by id).</summary>
internal sealed class BoxedRowChunk(List<object?[]> rows) : RowChunk
{
    public override int Count => rows.Count;

    public override void AppendTo(IDuckDBAppenderRow row, int index)
    {
        foreach (var value in rows[index]) OdsLoader.Append(row, value);
    }
}
