using System.Text;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Import;

/// <summary>RFC 4180 CSV: fields separated by commas, optionally quoted, quotes doubled inside quotes,
/// line breaks allowed inside quoted fields.</summary>
internal static class CsvParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // GB18030 (a superset of GBK) is what Chinese Excel writes for "CSV (逗号分隔)"; .NET ships it as a code-page provider.
    static CsvParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 with or without a BOM; a file that is not valid UTF-8 is read as GB18030.</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) return StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>The records of the text with the line each starts on (a quoted field may span lines).</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string?> Cells)> Parse(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string?>();
            var field = new StringBuilder();
            var quoted = false;
            while (true)
            {
                if (i >= text.Length)
                {
                    fields.Add(field.ToString());
                    break;
                }
                var c = text[i++];
                if (quoted)
                {
                    if (c == '"' && i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else
                    {
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0) quoted = true;
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && i < text.Length && text[i] == '\n') i++;
                    line++;
                    fields.Add(field.ToString());
                    break;
                }
                else field.Append(c);
            }
            if (quoted) throw new ValidationException([new ValidationError($"line {start}", "a quoted field is never closed (missing \")")]);
            yield return (start, fields);
        }
    }
}
