using System.Text;

namespace RealEstateCrm.Telephony.Sip.Registrar;

/// <summary>A WWW-Authenticate or Authorization value: <c>Digest name="value", name=token, …</c>.</summary>
public sealed class DigestHeader
{
    // qop is a quoted list in a challenge but a bare token in credentials (RFC 7616 §3.3, §3.4).
    private static readonly HashSet<string> UnquotedInChallenge = new(StringComparer.OrdinalIgnoreCase) { "algorithm", "stale" };
    private static readonly HashSet<string> UnquotedInCredentials = new(StringComparer.OrdinalIgnoreCase) { "algorithm", "qop", "nc" };

    public DigestHeader(bool isCredentials = false) => IsCredentials = isCredentials;

    public bool IsCredentials { get; }

    public Dictionary<string, string> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string name] => Parameters.GetValueOrDefault(name);

    public static DigestHeader Parse(string text, string field)
    {
        text = text.Trim();
        if (!text.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
            throw new SipParseException(field, "only the Digest scheme is supported");
        var header = new DigestHeader(field == SipHeaderNames.Authorization);
        foreach (var raw in SipText.SplitOutsideQuotes(text[7..], ','))
        {
            var part = raw.Trim();
            var equals = part.IndexOf('=');
            if (equals <= 0) throw new SipParseException(field, $"'{SipUri.Shorten(part)}' is not name=value");
            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            header.Parameters[name] = value.StartsWith('"') ? SipText.ReadQuoted(value, 0, out _) : value;
        }
        return header;
    }

    public override string ToString()
    {
        var unquoted = IsCredentials ? UnquotedInCredentials : UnquotedInChallenge;
        var builder = new StringBuilder("Digest ");
        var first = true;
        foreach (var (name, value) in Parameters)
        {
            if (!first) builder.Append(", ");
            first = false;
            builder.Append(name).Append('=').Append(unquoted.Contains(name) ? value : SipText.Quote(value));
        }
        return builder.ToString();
    }
}
