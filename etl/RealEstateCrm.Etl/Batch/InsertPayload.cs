using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Turns an insert's outbox payload (every property's value as the entity was saved, by property name, shadow
/// foreign keys included) into the row <see cref="SourceTable.ReadAsync"/> would read, so an incremental run need not read
/// a new row back from its table: at large scale those reads by id were half the run. Only an insert's payload will do:
/// EF's INSERT writes every column from the saved values, but an UPDATE writes only the modified columns, so an update's
/// payload can carry another writer's stale values for the rest (two contexts loading the same row, each changing one
/// column). A payload lacking a column (a <c>[NotAudited]</c> property) gives no row: the row is read instead.</summary>
internal static class InsertPayload
{
    /// <summary>The row, in <see cref="SourceTable.Columns"/> order, or null when the payload lacks a column.</summary>
    public static object?[]? Row(SourceTable table, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var values = new object?[table.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var property = table.Stored.Columns[i];
            if (!document.RootElement.TryGetProperty(property.Name, out var element)) return null;
            values[i] = element.ValueKind == JsonValueKind.Null ? null : Value(element, property, table.Columns[i]);
        }
        return values;
    }

    // The element's own getters, not JsonSerializer: its first use in a process (converters built by reflection) cost more
    // than the reads by id it replaces at medium scale.
    private static object Value(JsonElement element, IProperty property, SourceColumn column)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        // A column read as stored text gets the text the provider stores (enums by name, as the interceptor writes them too),
        // which DuckDB casts as it casts the stored one.
        if (column.StagingType == "VARCHAR")
            return type == typeof(DateTime) ? element.GetDateTime().ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)
                : element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        return type switch
        {
            _ when type == typeof(int) => element.GetInt32(),
            _ when type == typeof(long) => element.GetInt64(),
            _ when type == typeof(bool) => element.GetBoolean(),
            _ when type == typeof(double) => element.GetDouble(),
            _ when type == typeof(Guid) => element.GetGuid(),
            _ when type == typeof(DateTime) => element.GetDateTime(),
            _ when type == typeof(DateOnly) => DateOnly.Parse(element.GetString()!, CultureInfo.InvariantCulture),
            // The provider rounds a decimal to the column's scale (half away from zero, as PostgreSQL's numeric does).
            _ when type == typeof(decimal) => Math.Round(element.GetDecimal(), property.GetScale() ?? 2, MidpointRounding.AwayFromZero),
            _ => throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name}: no payload reading for {type.Name}"),
        };
    }
}
