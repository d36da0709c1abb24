using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>One column of a source table: its type in the ods mirror and how extraction reads it. A column the operational
/// DB stores as text (GUIDs, dates, decimals and enum names on SQLite; enum names everywhere) is read as the stored string
/// and appended as VARCHAR to a staging table, and DuckDB casts it to the mirror's type in one vectorised INSERT … SELECT:
/// parsing every value through EF's converters cost more than the rest of the extraction together. Other columns are read
/// as the provider's own type (and EF's converter, if any), as EF would.</summary>
internal sealed class SourceColumn
{
    /// <summary>The decimal places a mirror column keeps: a value with more is rounded half away from zero, as DuckDB's cast
    /// and PostgreSQL's numeric(18,2) round it.</summary>
    public const int DecimalScale = 2;
    private const string DecimalType = "DECIMAL(18,2)"; // DecimalScale places

    public SourceColumn(IProperty property)
    {
        Name = property.GetColumnName();
        OdsType = DuckDbType(property.ClrType);
        var mapping = property.GetRelationalTypeMapping();
        var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        var storedAsText = providerType == typeof(string) || mapping.StoreType.Equals("TEXT", StringComparison.OrdinalIgnoreCase);
        StagingType = storedAsText ? "VARCHAR" : OdsType;
        Read = storedAsText ? TextReader : PlainRowReader.ReaderFor(property);
        RawKind = storedAsText ? OdsType switch
            {
                "VARCHAR" => RawColumnKind.Text,
                "UUID" => RawColumnKind.Uuid,
                "TIMESTAMP" => RawColumnKind.Timestamp,
                "DATE" => RawColumnKind.Date,
                DecimalType => RawColumnKind.Decimal,
                _ => null,
            }
            : mapping.Converter is not null ? null
            : StagingType switch
            {
                "INTEGER" => RawColumnKind.Integer,
                "BIGINT" => RawColumnKind.BigInt,
                "BOOLEAN" => RawColumnKind.Boolean,
                "DOUBLE" => RawColumnKind.Double,
                _ => null,
            };
    }

    public string Name { get; }
    /// <summary>The column's type in <c>ods_&lt;table&gt;</c>.</summary>
    public string OdsType { get; }
    /// <summary>The type the extracted value has when appended: VARCHAR for text read as stored, else <see cref="OdsType"/>.</summary>
    public string StagingType { get; }
    public bool NeedsCast => StagingType != OdsType;
    /// <summary>How <see cref="SqliteTableScan"/> reads the column; null when only <see cref="Read"/> gives the right value
    /// (a value converter, or a type the scan does not take).</summary>
    public RawColumnKind? RawKind { get; }
    /// <summary>Reads the column's value at an ordinal of the data reader (null for NULL).</summary>
    public Func<DbDataReader, int, object?> Read { get; }

    private static object? TextReader(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static string DuckDbType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "VARCHAR";
        return type switch
        {
            _ when type == typeof(Guid) => "UUID",
            _ when type == typeof(int) => "INTEGER",
            _ when type == typeof(long) => "BIGINT",
            _ when type == typeof(bool) => "BOOLEAN",
            _ when type == typeof(decimal) => DecimalType,
            _ when type == typeof(double) => "DOUBLE",
            _ when type == typeof(DateTime) => "TIMESTAMP",
            _ when type == typeof(DateOnly) => "DATE",
            _ => "VARCHAR",
        };
    }
}
