using System.Buffers.Binary;

namespace RealEstateCrm.Telephony.Media;

/// <summary>An RTP packet (RFC 3550 §5.1): the fixed header fields and the payload, CSRCs, extension and
/// padding accounted for.</summary>
public readonly record struct RtpPacket(bool Marker, int PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, ReadOnlyMemory<byte> Payload)
{
    public const int HeaderSize = 12;

    /// <summary>Parses a datagram; false for anything that is not RTP version 2 with a consistent length.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> datagram, out RtpPacket packet)
    {
        packet = default;
        var span = datagram.Span;
        if (span.Length < HeaderSize || span[0] >> 6 != 2) return false;
        var payloadType = span[1] & 0x7F;
        // 72–76 are RTCP SR/RR/SDES/BYE/APP arriving on a muxed port (RFC 5761), not media.
        if (payloadType is >= 72 and <= 76) return false;
        var offset = HeaderSize + 4 * (span[0] & 0x0F);
        if ((span[0] & 0x10) != 0)
        {
            if (span.Length < offset + 4) return false;
            offset += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 2)..]);
        }
        var end = span.Length;
        if ((span[0] & 0x20) != 0)
        {
            if (end == 0) return false;
            end -= span[^1];
        }
        if (offset > end) return false;
        packet = new RtpPacket(
            (span[1] & 0x80) != 0, payloadType,
            BinaryPrimitives.ReadUInt16BigEndian(span[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(span[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(span[8..]),
            datagram[offset..end]);
        return true;
    }

    /// <summary>Writes the packet (no CSRC, extension or padding) into the buffer; returns the length.</summary>
    public int WriteTo(Span<byte> buffer)
    {
        buffer[0] = 0x80;
        buffer[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], Ssrc);
        Payload.Span.CopyTo(buffer[HeaderSize..]);
        return HeaderSize + Payload.Length;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[HeaderSize + Payload.Length];
        WriteTo(bytes);
        return bytes;
    }
}
