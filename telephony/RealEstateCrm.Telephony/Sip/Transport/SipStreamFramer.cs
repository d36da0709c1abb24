using System.Text;

namespace RealEstateCrm.Telephony.Sip.Transport;

/// <summary>Cuts a byte stream into SIP messages by Content-Length (RFC 3261 §18.3); CRLFs between messages are
/// keep-alives and skipped. A header section without a readable Content-Length ends the connection.</summary>
internal sealed class SipStreamFramer
{
    private const int MaxHeaderBytes = 64 * 1024;
    private byte[] _buffer = new byte[8192];
    private int _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + data.Length));
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    /// <summary>The next whole message, or null until more bytes arrive.</summary>
    /// <exception cref="SipParseException">The stream cannot be framed any more.</exception>
    public byte[]? Next()
    {
        var skip = 0;
        while (skip < _length && _buffer[skip] is (byte)'\r' or (byte)'\n') skip++;
        Consume(skip);
        var span = _buffer.AsSpan(0, _length);
        var end = span.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (_length > MaxHeaderBytes) throw new SipParseException("stream", "no end of headers within 64 KiB");
            return null;
        }
        var bodyStart = end + 4;
        var contentLength = ContentLength(Encoding.UTF8.GetString(span[..end]));
        if (_length < bodyStart + contentLength) return null;
        var message = span[..(bodyStart + contentLength)].ToArray();
        Consume(bodyStart + contentLength);
        return message;
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || SipHeaderNames.Normalize(line[..colon].Trim()) != SipHeaderNames.ContentLength) continue;
            var value = line[(colon + 1)..].Trim();
            if (!int.TryParse(value, System.Globalization.NumberStyles.None, null, out var length) || length > 16 * 1024 * 1024)
                throw new SipParseException(SipHeaderNames.ContentLength, $"'{SipUri.Shorten(value)}' cannot frame a stream");
            return length;
        }
        // Required on streams; a message without it has no body.
        return 0;
    }

    private void Consume(int count)
    {
        if (count == 0) return;
        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
    }
}
