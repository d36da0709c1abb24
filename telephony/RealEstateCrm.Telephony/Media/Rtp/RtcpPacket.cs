using System.Buffers.Binary;
using System.Text;

namespace RealEstateCrm.Telephony.Media;

/// <summary>A compound RTCP packet (RFC 3550 §6): a sender report (SR) or receiver report (RR) with its
/// report blocks, then SDES with the CNAME, which every compound packet must carry.</summary>
public sealed record RtcpPacket(uint Ssrc, SenderInfo? Sender, IReadOnlyList<ReceptionReport> Reports, string? CanonicalName = null, bool Bye = false)
{
    private const int SenderReport = 200, ReceiverReport = 201, SourceDescription = 202, Goodbye = 203;

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        var blocks = Reports.Take(31).ToList();
        var bodyWords = 1 + (Sender is null ? 0 : 5) + 6 * blocks.Count;
        WriteHeader(stream, blocks.Count, Sender is null ? ReceiverReport : SenderReport, bodyWords);
        WriteUInt32(stream, Ssrc);
        if (Sender is { } s)
        {
            WriteUInt32(stream, (uint)(s.NtpTimestamp >> 32));
            WriteUInt32(stream, (uint)s.NtpTimestamp);
            WriteUInt32(stream, s.RtpTimestamp);
            WriteUInt32(stream, s.PacketCount);
            WriteUInt32(stream, s.OctetCount);
        }
        foreach (var r in blocks)
        {
            WriteUInt32(stream, r.Ssrc);
            var lost = Math.Clamp(r.CumulativeLost, -0x800000, 0x7FFFFF) & 0xFFFFFF;
            WriteUInt32(stream, ((uint)Math.Clamp(r.FractionLost * 256, 0, 255) << 24) | (uint)lost);
            WriteUInt32(stream, r.ExtendedHighestSequence);
            WriteUInt32(stream, r.Jitter);
            WriteUInt32(stream, r.LastSenderReport);
            WriteUInt32(stream, r.DelaySinceLastSenderReport);
        }
        if (CanonicalName is { } cname)
        {
            var text = Encoding.UTF8.GetBytes(cname);
            var itemBytes = 4 + 2 + Math.Min(text.Length, 255) + 1;
            var words = (itemBytes + 3) / 4;
            WriteHeader(stream, 1, SourceDescription, words);
            WriteUInt32(stream, Ssrc);
            stream.WriteByte(1);
            stream.WriteByte((byte)Math.Min(text.Length, 255));
            stream.Write(text, 0, Math.Min(text.Length, 255));
            for (var pad = words * 4 - (itemBytes - 1); pad > 0; pad--) stream.WriteByte(0);
        }
        if (Bye)
        {
            WriteHeader(stream, 1, Goodbye, 1);
            WriteUInt32(stream, Ssrc);
        }
        return stream.ToArray();
    }

    /// <summary>Reads the SR or RR (and BYE) out of a compound packet; false for anything that is not RTCP.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtcpPacket packet)
    {
        packet = null!;
        uint ssrc = 0;
        SenderInfo? sender = null;
        var reports = new List<ReceptionReport>();
        string? cname = null;
        bool bye = false, any = false;
        while (datagram.Length >= 4)
        {
            if (datagram[0] >> 6 != 2) return false;
            var count = datagram[0] & 0x1F;
            var type = datagram[1];
            var length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) + 1);
            if (length > datagram.Length) return false;
            var body = datagram[4..length];
            switch (type)
            {
                case SenderReport when body.Length >= 24 + 24 * count:
                    ssrc = BinaryPrimitives.ReadUInt32BigEndian(body);
                    sender = new SenderInfo(
                        BinaryPrimitives.ReadUInt64BigEndian(body[4..]), BinaryPrimitives.ReadUInt32BigEndian(body[12..]),
                        BinaryPrimitives.ReadUInt32BigEndian(body[16..]), BinaryPrimitives.ReadUInt32BigEndian(body[20..]));
                    ReadBlocks(body[24..], count, reports);
                    any = true;
                    break;
                case ReceiverReport when body.Length >= 4 + 24 * count:
                    ssrc = BinaryPrimitives.ReadUInt32BigEndian(body);
                    ReadBlocks(body[4..], count, reports);
                    any = true;
                    break;
                case SourceDescription when body.Length >= 6 && body[4] == 1 && body.Length >= 6 + body[5]:
                    cname = Encoding.UTF8.GetString(body.Slice(6, body[5]));
                    break;
                case Goodbye:
                    bye = true;
                    any = true;
                    break;
            }
            datagram = datagram[length..];
        }
        if (!any) return false;
        packet = new RtcpPacket(ssrc, sender, reports, cname, bye);
        return true;
    }

    private static void ReadBlocks(ReadOnlySpan<byte> span, int count, List<ReceptionReport> reports)
    {
        for (var i = 0; i < count; i++, span = span[24..])
        {
            var lossWord = BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
            var cumulative = (int)(lossWord & 0xFFFFFF);
            if ((cumulative & 0x800000) != 0) cumulative -= 0x1000000;
            reports.Add(new ReceptionReport(
                BinaryPrimitives.ReadUInt32BigEndian(span), (lossWord >> 24) / 256.0, cumulative,
                BinaryPrimitives.ReadUInt32BigEndian(span[8..]), BinaryPrimitives.ReadUInt32BigEndian(span[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(span[16..]), BinaryPrimitives.ReadUInt32BigEndian(span[20..])));
        }
    }

    private static void WriteHeader(Stream stream, int count, int type, int bodyWords)
    {
        stream.WriteByte((byte)(0x80 | count));
        stream.WriteByte((byte)type);
        stream.WriteByte((byte)(bodyWords >> 8));
        stream.WriteByte((byte)bodyWords);
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        stream.Write(bytes);
    }
}

/// <summary>The sender information of an SR: wallclock (NTP format) and RTP time of the same instant, and counts.</summary>
public readonly record struct SenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    private static readonly DateTime NtpEpoch = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static ulong ToNtp(DateTime utc)
    {
        var ticks = (utc - NtpEpoch).Ticks;
        var seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        var fraction = (ulong)((ticks % TimeSpan.TicksPerSecond) * 4294967296.0 / TimeSpan.TicksPerSecond);
        return (seconds << 32) | fraction;
    }

    /// <summary>The middle 32 bits a receiver echoes as LSR.</summary>
    public uint Middle32 => (uint)(NtpTimestamp >> 16);
}
