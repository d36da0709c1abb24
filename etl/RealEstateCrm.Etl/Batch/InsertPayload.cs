using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Turns an insert's outbox payload (every property's value as the entity was saved, by property name, shadow
/// foreign keys included) into the row <see cref="SourceTable.ReadAsync"/> would read, so an incremental run need not read
/// a new row back from its table: at large scale those reads by id were half the run. Only an insert's payload will do:
/// EF's INSERT writes every column from the saved values, but an UPDATE writes only the modified columns, so an update's
/// payload can carry another writer's stale values for the rest (two contexts loading the same row, each changing one
/// column). A payload lacking a column (a <c>[NotAudited]</c> property) gives no row: the row is read instead.</summary>
internal static class InsertPayload
{
    // How the interceptor writes them: enums by name.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The row, in <see cref="SourceTable.Columns"/> order, or null when the payload lacks a column.</summary>
    public static object?[]? Row(SourceTable table, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var values = new object?[table.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var property = table.Stored.Columns[i];
            if (!document.RootElement.TryGetProperty(property.Name, out var element)) return null;
            values[i] = Value(element, property, table.Columns[i]);
        }
        return values;
    }

    private static object? Value(JsonElement element, Microsoft.EntityFrameworkCore.Metadata.IProperty property, SourceColumn column)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var value = element.Deserialize(type, Json)!;
        // A column read as stored text gets the text the provider stores, which DuckDB casts as it casts the stored one.
        if (column.StagingType == "VARCHAR") return Text(value);
        // The provider rounds a decimal to the column's scale (half away from zero, as PostgreSQL's numeric does).
        return value is decimal d && property.GetScale() is { } scale ? Math.Round(d, scale, MidpointRounding.AwayFromZero) : value;
    }

    private static string Text(object value) => value switch
    {
        DateTime v => v.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
