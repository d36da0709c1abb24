using DuckDB.NET.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>A run of extracted rows of one source table, handed from the reader thread (<see cref="ReadAhead"/>) to the
/// thread that appends them to DuckDB (to <see cref="SourceTable.AppendTo"/>), values in <see cref="SourceTable.Columns"/> order.</summary>
internal abstract class RowChunk
{
    /// <summary>How many rows a reader puts in one chunk: enough to make the hand-over between threads cheap, few enough
    /// that the appending starts early and the chunks in flight stay small.</summary>
    public const int MaxRows = 10_000;

    public abstract int Count { get; }

    /// <summary>Called once its rows are appended: the chunk is not used again, and gives back what it borrowed.</summary>
    public virtual void Release() { }

    /// <summary>Appends row <paramref name="index"/>'s values to <paramref name="row"/> (not ended).</summary>
    public abstract void AppendTo(IDuckDBAppenderRow row, int index);
}
