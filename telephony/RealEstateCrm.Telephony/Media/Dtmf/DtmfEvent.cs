using System.Buffers.Binary;

namespace RealEstateCrm.Telephony.Media;

/// <summary>The payload of an RFC 4733 telephone-event packet: event code, end bit, volume, duration.</summary>
public readonly record struct DtmfEvent(int Event, bool End, int Volume, ushort Duration)
{
    public const int PayloadSize = 4;
    private const string Digits = "0123456789*#ABCD";

    /// <summary>The digit for events 0–15 (0–9, *, #, A–D); null for the others (flash, tones).</summary>
    public char? Digit => Event is >= 0 and < 16 ? Digits[Event] : null;

    public static int EventFor(char digit)
    {
        var index = Digits.IndexOf(char.ToUpperInvariant(digit));
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(digit), digit, "a DTMF digit is 0-9, *, # or A-D");
    }

    public static bool TryParse(ReadOnlySpan<byte> payload, out DtmfEvent dtmf)
    {
        dtmf = default;
        if (payload.Length < PayloadSize) return false;
        dtmf = new DtmfEvent(payload[0], (payload[1] & 0x80) != 0, payload[1] & 0x3F, BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[PayloadSize];
        bytes[0] = (byte)Event;
        bytes[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), Duration);
        return bytes;
    }
}
