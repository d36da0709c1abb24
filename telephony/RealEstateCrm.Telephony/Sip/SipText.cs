using System.Text;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>Lexical helpers shared by the header parsers: separators that count only outside quoted strings and
/// angle brackets, and quoted-string decoding.</summary>
internal static class SipText
{
    /// <summary>Splits on <paramref name="separator"/> where it is not inside "quotes" or &lt;brackets&gt;.</summary>
    public static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '\\') i++;
                else if (c == '"') inQuotes = false;
            }
            else if (c == '"') inQuotes = true;
            else if (c == '<') inBrackets = true;
            else if (c == '>') inBrackets = false;
            else if (c == separator && !inBrackets)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        if (inQuotes) throw new SipParseException("quoted-string", "unterminated quoted string");
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The content of a quoted string starting at <paramref name="start"/> (which holds the opening quote),
    /// with backslash escapes resolved; <paramref name="end"/> is the index after the closing quote.</summary>
    public static string ReadQuoted(string text, int start, out int end)
    {
        var builder = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length) builder.Append(text[++i]);
            else if (c == '"')
            {
                end = i + 1;
                return builder.ToString();
            }
            else builder.Append(c);
        }
        throw new SipParseException("quoted-string", "unterminated quoted string");
    }

    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static readonly HashSet<string> KnownMethods =
        ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "REFER", "MESSAGE", "UPDATE"];

    /// <summary>Methods some RFC defines: refused with 405 rather than 501 (RFC 3261 §8.2.1).</summary>
    public static bool IsKnownMethod(string method) => KnownMethods.Contains(method);

    public static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-.!%*_+`'~".Contains(c));
}
