namespace RealEstateCrm.Etl.Batch;

/// <summary>How <see cref="SqliteTableScan"/> takes a column's value straight from SQLite, and what it appends to the
/// column of the mirror (<see cref="SourceColumn.OdsType"/>).</summary>
internal enum RawColumnKind
{
    /// <summary>The stored UTF-8 bytes, appended to a VARCHAR column as they are (no .NET string on the way).</summary>
    Text,
    /// <summary>Text parsed from its UTF-8 bytes (<see cref="SqliteStoredText"/>) and appended typed: no staging table and no cast.</summary>
    Uuid,
    Timestamp,
    Date,
    Decimal,
    Integer,
    BigInt,
    Boolean,
    Double,
}
