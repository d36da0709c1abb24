using System.Text;

namespace RealEstateCrm.Operational.Features.Export;

/// <summary>Writes RFC 4180 CSV in UTF-8 with a byte-order mark: without the BOM, Excel on a Chinese
/// Windows reads the file as GBK and shows the names as mojibake.</summary>
public sealed class CsvWriter(Stream output) : IAsyncDisposable
{
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };

    public async Task WriteRow(IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) await _writer.WriteAsync(',');
            first = false;
            await _writer.WriteAsync(Quote(cell));
        }
        await _writer.WriteLineAsync();
    }

    private static string Quote(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || cell[0] == ' ' || cell[^1] == ' '
            ? "\"" + cell.Replace("\"", "\"\"") + "\""
            : cell;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
