using System.Buffers.Binary;

namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>Reads the UDP payloads out of a classic libpcap file of Ethernet/IPv4 frames (what sipp ships).</summary>
public static class PcapFile
{
    public static IReadOnlyList<byte[]> UdpPayloads(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        Assert.True(magic == 0xA1B2C3D4, $"{path}: not a little-endian microsecond pcap (magic {magic:x8})");
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20)));
        var payloads = new List<byte[]>();
        for (var offset = 24; offset + 16 <= bytes.Length;)
        {
            var captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8));
            var frame = bytes.AsSpan(offset + 16, captured);
            offset += 16 + captured;
            if (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800) continue;
            var ip = frame[14..];
            if (ip[9] != 17) continue;
            var udp = ip[((ip[0] & 0x0F) * 4)..];
            var length = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
            payloads.Add(udp[8..length].ToArray());
        }
        return payloads;
    }
}
