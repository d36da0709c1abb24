using System.Text;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>A <c>sip:</c> or <c>sips:</c> URI (user, host, port, parameters, headers). Other schemes such as
/// <c>tel:</c> are kept whole in <see cref="Opaque"/>: we route none of them, but they may appear in headers.</summary>
public sealed class SipUri
{
    public string Scheme { get; init; } = "sip";
    public string? User { get; set; }
    public string? Password { get; init; }
    public string Host { get; set; } = "";
    public int? Port { get; set; }
    public SipParameters Parameters { get; init; } = new();
    public string? Headers { get; init; }
    public string? Opaque { get; init; }

    public bool IsSip => Opaque is null;

    public string? Transport => Parameters["transport"];

    /// <summary>True when the URI carries <c>;lr</c>, i.e. the element is a loose router (RFC 3261 §16.12).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    public static SipUri Create(string? user, string host, int? port) => new() { User = user, Host = host, Port = port };

    public static SipUri Parse(string text, string field = "Request-URI")
    {
        text = text.Trim();
        var colon = text.IndexOf(':');
        if (colon <= 0) throw new SipParseException(field, $"'{Shorten(text)}' is not a URI (no scheme)");
        var scheme = text[..colon];
        if (!scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            throw new SipParseException(field, $"bad URI scheme '{Shorten(scheme)}'");
        if (!scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            if (text.Any(char.IsWhiteSpace)) throw new SipParseException(field, "whitespace inside the URI");
            return new SipUri { Scheme = scheme.ToLowerInvariant(), Opaque = text[(colon + 1)..] };
        }

        var rest = text[(colon + 1)..];
        if (rest.Any(char.IsWhiteSpace)) throw new SipParseException(field, "whitespace inside the URI");
        string? headers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            headers = rest[(question + 1)..];
            rest = rest[..question];
        }
        string? user = null, password = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var passwordColon = userInfo.IndexOf(':');
            user = Uri.UnescapeDataString(passwordColon >= 0 ? userInfo[..passwordColon] : userInfo);
            password = passwordColon >= 0 ? userInfo[(passwordColon + 1)..] : null;
            if (user.Length == 0) throw new SipParseException(field, "empty user part before '@'");
        }
        var semicolon = rest.IndexOf(';');
        var hostPort = semicolon >= 0 ? rest[..semicolon] : rest;
        var parameters = SipParameters.Parse(semicolon >= 0 ? rest[(semicolon + 1)..] : "", field);
        var (host, port) = ParseHostPort(hostPort, field);
        return new SipUri
        {
            Scheme = scheme.ToLowerInvariant(), User = user, Password = password, Host = host, Port = port,
            Parameters = parameters, Headers = headers,
        };
    }

    /// <summary>Parses <c>host[:port]</c> with an IPv6 reference in brackets.</summary>
    internal static (string Host, int? Port) ParseHostPort(string text, string field)
    {
        text = text.Trim();
        string host;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0) throw new SipParseException(field, "IPv6 reference without ']'");
            host = text[..(close + 1)];
            var after = text[(close + 1)..];
            if (after.StartsWith(':')) portText = after[1..];
            else if (after.Length > 0) throw new SipParseException(field, $"text after the IPv6 reference '{Shorten(after)}'");
        }
        else
        {
            var colon = text.IndexOf(':');
            host = colon >= 0 ? text[..colon] : text;
            portText = colon >= 0 ? text[(colon + 1)..] : null;
        }
        if (host.Length == 0) throw new SipParseException(field, "empty host");
        if (!host.StartsWith('[') && !host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            throw new SipParseException(field, $"bad host '{Shorten(host)}'");
        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText.Trim(), out var value) || value is < 1 or > 65535)
                throw new SipParseException(field, $"bad port '{Shorten(portText)}'");
            port = value;
        }
        return (host, port);
    }

    public override string ToString()
    {
        if (Opaque is not null) return Scheme + ":" + Opaque;
        var builder = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(EscapeUser(User));
            if (Password is not null) builder.Append(':').Append(Password);
            builder.Append('@');
        }
        builder.Append(Host);
        if (Port is not null) builder.Append(':').Append(Port);
        builder.Append(Parameters);
        if (Headers is not null) builder.Append('?').Append(Headers);
        return builder.ToString();
    }

    private static string EscapeUser(string user)
    {
        var builder = new StringBuilder();
        foreach (var c in user)
        {
            if (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()&=+$,;?/".Contains(c)) builder.Append(c);
            else foreach (var b in Encoding.UTF8.GetBytes(c.ToString())) builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
