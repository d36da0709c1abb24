using System.Text;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>Parses RFC 3261 messages. It never throws: every problem becomes a <see cref="SipParseResult"/>.
/// Header folding, compact names, comma-separated lists, any case in names, bare LF line ends and whitespace
/// before the colon are accepted, as RFC 4475 asks of a tolerant parser.</summary>
public static class SipParser
{
    /// <summary>Parses one datagram (or one message framed by Content-Length on a stream). On a datagram the body
    /// is what follows the blank line: bytes beyond Content-Length are ignored, fewer than it make the message bad
    /// (RFC 3261 §18.3).</summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> data)
    {
        try
        {
            return ParseCore(data);
        }
        catch (Exception e) when (e is SipParseException or FormatException or ArgumentException or OverflowException)
        {
            return new SipParseResult(null, null, e.Message);
        }
    }

    private static SipParseResult ParseCore(ReadOnlySpan<byte> data)
    {
        var start = 0;
        while (start < data.Length && data[start] is (byte)'\r' or (byte)'\n') start++;
        if (start == data.Length) return new SipParseResult(null, null, null, IsKeepAlive: data.Length > 0);
        data = data[start..];

        var (headEnd, bodyStart) = FindHeaderEnd(data);
        var head = Encoding.UTF8.GetString(data[..headEnd]);
        var body = data[bodyStart..];
        var lines = Unfold(head);
        if (lines.Count == 0) return new SipParseResult(null, null, "empty message");

        var message = ParseStartLine(lines[0]);
        if (message is null) return new SipParseResult(null, null, $"not a SIP start line: '{SipUri.Shorten(lines[0])}'");

        string? error = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':');
            var name = colon > 0 ? line[..colon].TrimEnd() : "";
            if (name.Length == 0 || !SipText.IsToken(name))
            {
                error ??= $"line {i + 1} is not a header field: '{SipUri.Shorten(line)}'";
                continue;
            }
            var canonical = SipHeaderNames.Normalize(name);
            var value = line[(colon + 1)..].Trim();
            if (SipHeaderNames.IsListValued(canonical))
            {
                try
                {
                    foreach (var item in SipText.SplitOutsideQuotes(value, ','))
                        if (item.Trim().Length > 0) message.Headers.Add(canonical, item.Trim());
                }
                catch (SipParseException e)
                {
                    error ??= $"{canonical}: {e.Message}";
                }
            }
            else message.Headers.Add(canonical, value);
        }

        error ??= SetBody(message, body);
        error ??= Validate(message);
        if (error is null) return new SipParseResult(message, null, null);
        return message is SipRequest request
            ? new SipParseResult(null, request, error)
            : new SipParseResult(null, null, error);
    }

    private static (int HeadEnd, int BodyStart) FindHeaderEnd(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length - 1; i++)
        {
            if (data[i] != '\n') continue;
            if (data[i + 1] == '\n') return (i, i + 2);
            if (data[i + 1] == '\r' && i + 2 < data.Length && data[i + 2] == '\n') return (i, i + 3);
        }
        // No blank line: everything is header, there is no body.
        return (data.Length, data.Length);
    }

    private static List<string> Unfold(string head)
    {
        var lines = new List<string>();
        foreach (var raw in head.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && line[0] is ' ' or '\t' && lines.Count > 1)
                lines[^1] = lines[^1].TrimEnd() + " " + line.Trim();
            else if (line.Length > 0 || lines.Count == 0)
                lines.Add(line);
        }
        return lines;
    }

    private static SipMessage? ParseStartLine(string line)
    {
        if (line.StartsWith("SIP/2.0 ", StringComparison.Ordinal))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length != 3 || parts[1].Length != 3 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out var code) || code < 100)
                return null;
            return new SipResponse(code, parts[2]);
        }
        // Method and version are the first and last words, so whitespace inside the URI still leaves a request
        // that can be answered with 400 (RFC 4475 §3.1.2.7).
        var first = line.IndexOf(' ');
        var last = line.LastIndexOf(' ');
        if (first <= 0 || last <= first || line[(last + 1)..] != "SIP/2.0" || !SipText.IsToken(line[..first])) return null;
        var method = line[..first];
        var uriText = line[(first + 1)..last].Trim();
        try
        {
            return new SipRequest(method, SipUri.Parse(uriText));
        }
        catch (SipParseException)
        {
            return new SipRequest(method, new SipUri { Scheme = "invalid", Opaque = "" }) { UnparsableUri = uriText };
        }
    }

    private static string? SetBody(SipMessage message, ReadOnlySpan<byte> body)
    {
        var lengthText = message.Headers[SipHeaderNames.ContentLength];
        if (lengthText is null)
        {
            message.Body = body.ToArray();
            return null;
        }
        if (!int.TryParse(lengthText, System.Globalization.NumberStyles.None, null, out var length))
            return $"Content-Length: '{SipUri.Shorten(lengthText)}' is not a non-negative integer";
        if (length > body.Length)
        {
            message.Body = body.ToArray();
            return $"Content-Length: {length} is larger than the {body.Length}-byte body";
        }
        message.Body = body[..length].ToArray();
        return null;
    }

    private static string? Validate(SipMessage message)
    {
        if (message is SipRequest { UnparsableUri: { } uri })
            return $"Request-URI: '{SipUri.Shorten(uri)}' is not a valid URI";
        foreach (var name in new[] { SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq })
            if (string.IsNullOrWhiteSpace(message.Headers[name])) return $"{name}: missing";
        try
        {
            foreach (var via in message.Headers.All(SipHeaderNames.Via)) ViaHeader.Parse(via);
            _ = message.From;
            _ = message.To;
            var cseq = message.CSeq;
            if (message is SipRequest request)
            {
                if (!cseq.Method.Equals(request.Method, StringComparison.Ordinal))
                    return $"CSeq: method '{cseq.Method}' does not match the request method '{request.Method}'";
                if (message.Headers[SipHeaderNames.MaxForwards] is { } maxForwards &&
                    (!int.TryParse(maxForwards, System.Globalization.NumberStyles.None, null, out var hops) || hops > 255))
                    return $"Max-Forwards: '{SipUri.Shorten(maxForwards)}' is not an integer from 0 to 255";
                foreach (var contact in message.Headers.All(SipHeaderNames.Contact)) NameAddress.Parse(contact, SipHeaderNames.Contact);
                if (message.Headers[SipHeaderNames.Expires] is { } expires && !uint.TryParse(expires, System.Globalization.NumberStyles.None, null, out _))
                    return $"Expires: '{SipUri.Shorten(expires)}' is not a number of seconds";
            }
            foreach (var route in message.Headers.All(SipHeaderNames.RecordRoute)) NameAddress.Parse(route, SipHeaderNames.RecordRoute);
            foreach (var route in message.Headers.All(SipHeaderNames.Route)) NameAddress.Parse(route, SipHeaderNames.Route);
        }
        catch (SipParseException e)
        {
            return e.Message;
        }
        return null;
    }
}
