namespace RealEstateCrm.Ml.Data;

/// <summary>What a query column holds, from its DuckDB type.</summary>
public enum ColumnKind
{
    /// <summary>Integers, floating point, DECIMAL.</summary>
    Numeric,
    /// <summary>BOOLEAN (0/1 as a feature).</summary>
    Boolean,
    /// <summary>VARCHAR, ENUM.</summary>
    Text,
    /// <summary>DATE, TIME, TIMESTAMP: used to order a time split, never as a feature.</summary>
    Time,
    /// <summary>Lists, structs, blobs: not usable as a feature.</summary>
    Other,
}
