namespace RealEstateCrm.Telephony.Sip;

/// <summary>The CSeq value: a sequence number (32-bit unsigned, RFC 3261 §8.1.1.5) and the method.</summary>
public readonly record struct CSeqHeader(uint Number, string Method)
{
    public static CSeqHeader Parse(string text)
    {
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2) throw new SipParseException(SipHeaderNames.CSeq, $"expected 'number METHOD', got '{SipUri.Shorten(text)}'");
        if (!uint.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out var number))
            throw new SipParseException(SipHeaderNames.CSeq, $"sequence number '{SipUri.Shorten(parts[0])}' is not a 32-bit unsigned integer");
        if (!SipText.IsToken(parts[1])) throw new SipParseException(SipHeaderNames.CSeq, $"bad method '{SipUri.Shorten(parts[1])}'");
        return new CSeqHeader(number, parts[1]);
    }

    public override string ToString() => $"{Number} {Method}";
}
