namespace RealEstateCrm.Telephony.Media;

/// <summary>ITU-T G.711 μ-law and A-law, table-exact (the decoder tables of the Recommendation; the encoder's
/// segment search as in the reference implementation), between 8-bit codes and 16-bit linear PCM.</summary>
public static class G711
{
    private static readonly short[] MuLawToLinear = BuildTable(DecodeMuLaw);
    private static readonly short[] ALawToLinear = BuildTable(DecodeALaw);
    private static readonly byte[] LinearToMuLaw = BuildEncoder(EncodeMuLaw);
    private static readonly byte[] LinearToALaw = BuildEncoder(EncodeALaw);

    public static short MuLawDecode(byte code) => MuLawToLinear[code];
    public static short ALawDecode(byte code) => ALawToLinear[code];
    public static byte MuLawEncode(short sample) => LinearToMuLaw[(ushort)sample];
    public static byte ALawEncode(short sample) => LinearToALaw[(ushort)sample];

    public static void MuLawEncode(ReadOnlySpan<short> pcm, Span<byte> codes)
    {
        for (var i = 0; i < pcm.Length; i++) codes[i] = LinearToMuLaw[(ushort)pcm[i]];
    }

    public static void ALawEncode(ReadOnlySpan<short> pcm, Span<byte> codes)
    {
        for (var i = 0; i < pcm.Length; i++) codes[i] = LinearToALaw[(ushort)pcm[i]];
    }

    public static void MuLawDecode(ReadOnlySpan<byte> codes, Span<short> pcm)
    {
        for (var i = 0; i < codes.Length; i++) pcm[i] = MuLawToLinear[codes[i]];
    }

    public static void ALawDecode(ReadOnlySpan<byte> codes, Span<short> pcm)
    {
        for (var i = 0; i < codes.Length; i++) pcm[i] = ALawToLinear[codes[i]];
    }

    private static short DecodeMuLaw(byte code)
    {
        var u = ~code & 0xFF;
        var t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (short)((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    private static short DecodeALaw(byte code)
    {
        var a = code ^ 0x55;
        var t = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        t = segment switch
        {
            0 => t + 8,
            1 => t + 0x108,
            _ => (t + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? t : -t);
    }

    private static byte EncodeMuLaw(short sample)
    {
        // 14-bit magnitude with the bias of the Recommendation; ones' complement of the code on the wire.
        int value = sample >> 2, mask = 0xFF;
        if (value < 0) { value = -value; mask = 0x7F; }
        value = Math.Min(value, 8159) + 33;
        var segment = Segment(value, 0x3F);
        if (segment >= 8) return (byte)(0x7F ^ mask);
        return (byte)(((segment << 4) | ((value >> (segment + 1)) & 0x0F)) ^ mask);
    }

    private static byte EncodeALaw(short sample)
    {
        int value = sample >> 3, mask = 0xD5;
        if (value < 0) { value = -value - 1; mask = 0x55; }
        var segment = Segment(value, 0x1F);
        if (segment >= 8) return (byte)(0x7F ^ mask);
        var code = (segment << 4) | ((segment < 2 ? value >> 1 : value >> segment) & 0x0F);
        return (byte)(code ^ mask);
    }

    /// <summary>The segment (0–8) whose upper end, doubling from <paramref name="firstEnd"/>, holds the value.</summary>
    private static int Segment(int value, int firstEnd)
    {
        var segment = 0;
        for (var end = firstEnd; segment < 8 && value > end; end = (end << 1) | 1) segment++;
        return segment;
    }

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++) table[i] = decode((byte)i);
        return table;
    }

    private static byte[] BuildEncoder(Func<short, byte> encode)
    {
        var table = new byte[65536];
        for (var i = 0; i < 65536; i++) table[i] = encode((short)(ushort)i);
        return table;
    }
}
