namespace RealEstateCrm.Telephony.Media;

/// <summary>An 8 kHz narrowband codec the media layer speaks: G.711 μ-law (PCMU) or A-law (PCMA).
/// One byte per sample, so a 20 ms frame is 160 samples and 160 payload bytes.</summary>
public sealed class AudioCodec
{
    public static readonly AudioCodec Pcmu = new("PCMU", 0);
    public static readonly AudioCodec Pcma = new("PCMA", 8);

    /// <summary>Both, in the order we prefer when an offer leaves the choice to us.</summary>
    public static readonly IReadOnlyList<AudioCodec> All = [Pcmu, Pcma];

    public const int ClockRate = 8000;

    private AudioCodec(string name, int staticPayloadType)
    {
        Name = name;
        StaticPayloadType = staticPayloadType;
    }

    /// <summary>The encoding name in SDP rtpmap (RFC 3551).</summary>
    public string Name { get; }

    /// <summary>The RFC 3551 static payload type (0 or 8).</summary>
    public int StaticPayloadType { get; }

    public static AudioCodec? FromName(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static AudioCodec? FromStaticPayloadType(int payloadType) =>
        All.FirstOrDefault(c => c.StaticPayloadType == payloadType);

    public void Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if (this == Pcmu) G711.MuLawEncode(pcm, payload);
        else G711.ALawEncode(pcm, payload);
    }

    public void Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (this == Pcmu) G711.MuLawDecode(payload, pcm);
        else G711.ALawDecode(payload, pcm);
    }

    public byte[] Encode(ReadOnlySpan<short> pcm)
    {
        var payload = new byte[pcm.Length];
        Encode(pcm, payload);
        return payload;
    }

    public short[] Decode(ReadOnlySpan<byte> payload)
    {
        var pcm = new short[payload.Length];
        Decode(payload, pcm);
        return pcm;
    }

    public override string ToString() => Name;
}
