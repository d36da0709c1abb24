namespace RealEstateCrm.Etl.Batch;

/// <summary>How <see cref="SqliteTableScan"/> takes a column's value straight from SQLite, with the DuckDB type it is
/// appended as (<see cref="SourceColumn.StagingType"/>).</summary>
internal enum RawColumnKind
{
    /// <summary>The stored UTF-8 bytes, appended to a VARCHAR column as they are (no .NET string on the way).</summary>
    Text,
    Integer,
    BigInt,
    Boolean,
    Double,
}
