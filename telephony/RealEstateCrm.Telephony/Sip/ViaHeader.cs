using System.Text;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>One Via value: <c>SIP/2.0/UDP host:port;branch=z9hG4bK…;rport;received=…</c>.</summary>
public sealed class ViaHeader
{
    /// <summary>The RFC 3261 magic cookie that marks a branch as globally unique (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    public string Transport { get; init; } = "UDP";
    public required string Host { get; init; }
    public int? Port { get; init; }
    public SipParameters Parameters { get; init; } = new();

    public string? Branch => Parameters["branch"];

    public string SentBy => Port is null ? Host : $"{Host}:{Port}";

    public static ViaHeader Parse(string text)
    {
        const string field = "Via";
        text = text.Trim();
        // The protocol parts may have whitespace around the slashes (RFC 4475 §3.1.1.1).
        var parts = new List<string>();
        var index = 0;
        for (var n = 0; n < 3; n++)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index])) index++;
            var start = index;
            while (index < text.Length && !char.IsWhiteSpace(text[index]) && text[index] != '/') index++;
            parts.Add(text[start..index]);
            while (index < text.Length && char.IsWhiteSpace(text[index])) index++;
            if (n < 2)
            {
                if (index >= text.Length || text[index] != '/') throw new SipParseException(field, "expected 'SIP/2.0/transport'");
                index++;
            }
        }
        if (!parts[0].Equals("SIP", StringComparison.OrdinalIgnoreCase) || parts[1] != "2.0")
            throw new SipParseException(field, $"unsupported protocol '{parts[0]}/{parts[1]}'");
        if (parts[2].Length == 0) throw new SipParseException(field, "missing transport");
        var rest = text[index..];
        var semicolon = rest.IndexOf(';');
        var (host, port) = SipUri.ParseHostPort(semicolon >= 0 ? rest[..semicolon] : rest, field);
        return new ViaHeader
        {
            Transport = parts[2].ToUpperInvariant(), Host = host, Port = port,
            Parameters = SipParameters.Parse(semicolon >= 0 ? rest[(semicolon + 1)..] : "", field),
        };
    }

    public override string ToString() =>
        new StringBuilder("SIP/2.0/").Append(Transport).Append(' ').Append(SentBy).Append(Parameters).ToString();
}
