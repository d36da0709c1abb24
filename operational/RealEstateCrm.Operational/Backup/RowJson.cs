using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Operational.Backup;

/// <summary>A row as one line of JSON keyed by column name, with values in their CLR types' JSON form
/// (GUIDs and times as ISO strings, enums by name, decimals exact), so any provider reads it back.</summary>
internal static class RowJson
{
    // Chinese text stays readable in the file (and half the size) instead of \uXXXX escapes.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonSerializerOptions Json = new() { Encoder = Encoder, Converters = { new JsonStringEnumConverter() } };

    public static void Write(IBufferWriter<byte> output, StoredTable table, object?[] row)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Encoder });
        writer.WriteStartObject();
        for (var i = 0; i < row.Length; i++)
        {
            writer.WritePropertyName(table.ColumnNames[i]);
            JsonSerializer.Serialize(writer, row[i], table.Columns[i].ClrType, Json);
        }
        writer.WriteEndObject();
    }

    /// <summary>The values in <see cref="StoredTable.Columns"/> order.</summary>
    public static object?[] Read(string line, StoredTable table)
    {
        using var document = JsonDocument.Parse(line);
        var values = new object?[table.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = document.RootElement.GetProperty(table.ColumnNames[i]).Deserialize(table.Columns[i].ClrType, Json);
            // Every stored time is UTC; SQLite hands them back without a kind, and PostgreSQL's timestamptz insists on one.
            values[i] = value is DateTime { Kind: not DateTimeKind.Utc } time
                ? time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc)
                : value;
        }
        return values;
    }
}
