using System.Text;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>A From, To, Contact, Route or Record-Route value: <c>"Name" &lt;uri&gt;;tag=x</c> (name-addr) or
/// <c>uri;tag=x</c> (addr-spec, where every parameter after the URI belongs to the header, RFC 3261 §20.10).</summary>
public sealed class NameAddress
{
    public string? DisplayName { get; init; }
    public required SipUri Uri { get; init; }
    public SipParameters Parameters { get; init; } = new();

    /// <summary>True for the wildcard <c>Contact: *</c> of a REGISTER that removes every binding.</summary>
    public bool IsWildcard { get; init; }

    public string? Tag
    {
        get => Parameters["tag"];
        set => Parameters["tag"] = value;
    }

    public static NameAddress Parse(string text, string field)
    {
        text = text.Trim();
        if (text.Length == 0) throw new SipParseException(field, "empty value");
        if (text == "*") return new NameAddress { Uri = new SipUri { Scheme = "*", Opaque = "" }, IsWildcard = true };

        string? display = null;
        var rest = text;
        if (rest.StartsWith('"'))
        {
            display = SipText.ReadQuoted(rest, 0, out var end);
            rest = rest[end..].TrimStart();
            if (!rest.StartsWith('<')) throw new SipParseException(field, "display name not followed by '<uri>'");
        }
        var open = IndexOfOpeningBracket(rest);
        if (open >= 0)
        {
            if (display is null && open > 0) display = rest[..open].Trim();
            var close = rest.IndexOf('>', open);
            if (close < 0) throw new SipParseException(field, "'<' without '>'");
            var uri = SipUri.Parse(rest[(open + 1)..close], field);
            var after = rest[(close + 1)..].Trim();
            if (after.Length > 0 && after[0] != ';') throw new SipParseException(field, $"unexpected text after '>': '{SipUri.Shorten(after)}'");
            return new NameAddress
            {
                DisplayName = string.IsNullOrEmpty(display) ? null : display,
                Uri = uri,
                Parameters = SipParameters.Parse(after.Length > 0 ? after[1..] : "", field),
            };
        }

        // addr-spec: the URI cannot carry parameters of its own here, the first ';' starts the header's.
        var semicolon = rest.IndexOf(';');
        var uriText = semicolon >= 0 ? rest[..semicolon] : rest;
        if (uriText.Contains('?')) throw new SipParseException(field, "a URI with headers must be enclosed in '<>'");
        return new NameAddress
        {
            Uri = SipUri.Parse(uriText, field),
            Parameters = SipParameters.Parse(semicolon >= 0 ? rest[(semicolon + 1)..] : "", field),
        };
    }

    private static int IndexOfOpeningBracket(string text)
    {
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') inQuotes = !inQuotes;
            else if (text[i] == '<' && !inQuotes) return i;
        }
        return -1;
    }

    public override string ToString()
    {
        if (IsWildcard) return "*";
        var builder = new StringBuilder();
        if (DisplayName is not null)
            builder.Append(SipText.IsToken(DisplayName) ? DisplayName : SipText.Quote(DisplayName)).Append(' ');
        builder.Append('<').Append(Uri).Append('>').Append(Parameters);
        return builder.ToString();
    }
}
