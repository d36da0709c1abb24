using System.Globalization;
using System.Text.Json;
using RealEstateCrm.Warehouse.Olap;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary>Prints an OLAP result as a table, CSV (RFC 4180, invariant culture) or JSON (an array of objects).</summary>
internal static class OlapOutput
{
    public static void Write(OlapResult result, string format)
    {
        // Through Spectre's writer, so tests that capture the console see CSV and JSON too.
        var writer = AnsiConsole.Profile.Out.Writer;
        switch (format)
        {
            case "csv":
                writer.WriteLine(string.Join(',', result.Columns.Select(c => Csv(c.Name))));
                foreach (var row in result.Rows) writer.WriteLine(string.Join(',', row.Select(v => Csv(Text(v)))));
                break;
            case "json":
                writer.WriteLine(JsonSerializer.Serialize(JsonRows(result), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            default:
                var table = new Table();
                foreach (var c in result.Columns) table.AddColumn(new TableColumn(Markup.Escape(c.Name)) { Alignment = c.Role == OlapColumnRole.Dimension ? Justify.Left : Justify.Right });
                foreach (var row in result.Rows)
                {
                    var subtotal = (int)row[result.IndexOf("grouping_id")]! != 0;
                    table.AddRow(row.Select(v => subtotal ? $"[bold]{Markup.Escape(Text(v) is "" ? "(all)" : Text(v))}[/]" : Markup.Escape(Text(v))).ToArray());
                }
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"{result.Rows.Count} rows");
                break;
        }
    }

    /// <summary>The JSON shape of a result, shared by <c>--format json</c> and the web's /api/olap/query: an object per
    /// row, column name to value, dates as yyyy-MM-dd.</summary>
    public static IEnumerable<Dictionary<string, object?>> JsonRows(OlapResult result) =>
        result.Rows.Select(row => result.Columns.Select((c, i) => (c.Name, Value: row[i] is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : row[i]))
            .ToDictionary(p => p.Name, p => p.Value));

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
