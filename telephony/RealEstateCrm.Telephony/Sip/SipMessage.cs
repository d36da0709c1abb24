using System.Text;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>A SIP request or response: header fields and a body. The typed accessors parse on each call, so a
/// header changed through <see cref="Headers"/> is seen at once; the parser has already checked the mandatory ones.</summary>
public abstract class SipMessage
{
    public SipHeaders Headers { get; } = new();
    public byte[] Body { get; set; } = [];

    public string BodyText => Encoding.UTF8.GetString(Body);

    public ViaHeader TopVia => ViaHeader.Parse(Headers[SipHeaderNames.Via] ?? throw Missing(SipHeaderNames.Via));
    public NameAddress From => NameAddress.Parse(Headers[SipHeaderNames.From] ?? throw Missing(SipHeaderNames.From), SipHeaderNames.From);
    public NameAddress To => NameAddress.Parse(Headers[SipHeaderNames.To] ?? throw Missing(SipHeaderNames.To), SipHeaderNames.To);
    public string CallId => Headers[SipHeaderNames.CallId] ?? throw Missing(SipHeaderNames.CallId);
    public CSeqHeader CSeq => CSeqHeader.Parse(Headers[SipHeaderNames.CSeq] ?? throw Missing(SipHeaderNames.CSeq));

    public NameAddress? Contact =>
        Headers[SipHeaderNames.Contact] is { } contact ? NameAddress.Parse(contact, SipHeaderNames.Contact) : null;

    public IEnumerable<NameAddress> RecordRoutes =>
        Headers.All(SipHeaderNames.RecordRoute).Select(v => NameAddress.Parse(v, SipHeaderNames.RecordRoute));

    public void SetBody(string text, string contentType)
    {
        Body = Encoding.UTF8.GetBytes(text);
        Headers.Set(SipHeaderNames.ContentType, contentType);
    }

    /// <summary>The wire form; Content-Length is always written from the body's real length.</summary>
    public byte[] ToBytes()
    {
        var builder = new StringBuilder(512).Append(StartLine()).Append("\r\n");
        foreach (var header in Headers)
            if (!header.Name.Equals(SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
                builder.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        builder.Append("Content-Length: ").Append(Body.Length).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetByteCount(builder.ToString());
        var bytes = new byte[head + Body.Length];
        Encoding.UTF8.GetBytes(builder.ToString(), bytes);
        Body.CopyTo(bytes, head);
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    protected abstract string StartLine();

    private static SipParseException Missing(string header) => new(header, "missing");
}
