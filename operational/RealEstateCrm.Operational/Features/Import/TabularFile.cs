using System.Globalization;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace RealEstateCrm.Operational.Features.Import;

/// <summary>A spreadsheet read for import: the header row and the data rows, each with the line (CSV) or
/// row number (XLSX) a user sees in their editor, so every error can point at the cell to fix.</summary>
public sealed record TabularFile(IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows)
{
    /// <summary>Reads a .csv or .xlsx file, chosen by its extension.</summary>
    public static TabularFile Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no such file: {path}", path);
        using var stream = File.OpenRead(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ReadCsv(stream),
            ".xlsx" => ReadXlsx(stream),
            var other => throw new ArgumentException($"--file: cannot import \"{other}\" files; use .csv or .xlsx"),
        };
    }

    public static TabularFile ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromRecords(CsvParser.Parse(CsvParser.Decode(buffer.ToArray())));
    }

    public static TabularFile ReadXlsx(Stream stream)
    {
        // Rows come keyed by column letter (A, B, ...) and include blank rows, so the index is the sheet's row number.
        var records = MiniExcel.Query(stream, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select((row, index) => (Line: index + 1, Cells: (IReadOnlyList<string?>)row.Values.Select(CellText).ToList()));
        return FromRecords(records);
    }

    private static TabularFile FromRecords(IEnumerable<(int Line, IReadOnlyList<string?> Cells)> records)
    {
        using var enumerator = records.GetEnumerator();
        if (!enumerator.MoveNext()) throw new ArgumentException("--file: the file is empty; the first row must name the columns");
        var headers = enumerator.Current.Cells.Select(h => h?.Trim() ?? "").ToList();
        // Spreadsheets often carry formatted but empty columns to the right of the data.
        while (headers.Count > 0 && headers[^1].Length == 0) headers.RemoveAt(headers.Count - 1);
        var rows = new List<TabularRow>();
        while (enumerator.MoveNext())
        {
            var (line, cells) = enumerator.Current;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new TabularRow(line, cells));
        }
        return new TabularFile(headers, rows);
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

/// <summary>One data row: its line number in the file and its cells in header order.</summary>
public sealed record TabularRow(int Line, IReadOnlyList<string?> Cells);
