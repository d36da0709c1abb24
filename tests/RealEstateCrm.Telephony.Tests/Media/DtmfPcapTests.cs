using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>The RFC 4733 captures sipp ships: each holds one key press as start, updates and three end packets.</summary>
public sealed class DtmfPcapTests
{
    public const string SippPcaps = "/usr/share/sip-tester";

    public static TheoryData<string, char> Captures()
    {
        var data = new TheoryData<string, char>();
        foreach (var digit in "0123456789") data.Add($"dtmf_2833_{digit}.pcap", digit);
        data.Add("dtmf_2833_star.pcap", '*');
        data.Add("dtmf_2833_pound.pcap", '#');
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Each_sipp_capture_yields_exactly_its_digit(string file, char digit)
    {
        var path = RequireSippPcap(file);
        var receiver = new DtmfReceiver();
        var digits = new List<char>();
        foreach (var datagram in PcapFile.UdpPayloads(path))
        {
            Assert.True(RtpPacket.TryParse(datagram, out var packet));
            Assert.Equal(101, packet.PayloadType);
            if (receiver.Receive(packet) is { } d) digits.Add(d);
        }
        Assert.Equal([digit], digits);
    }

    [Fact]
    public void A_dialled_sequence_of_captures_yields_one_digit_per_press_despite_repeated_end_packets()
    {
        var receiver = new DtmfReceiver();
        var digits = new List<char>();
        foreach (var key in "4#1*")
        {
            var file = key switch { '#' => "pound", '*' => "star", _ => key.ToString() };
            foreach (var datagram in PcapFile.UdpPayloads(RequireSippPcap($"dtmf_2833_{file}.pcap")))
            {
                RtpPacket.TryParse(datagram, out var packet);
                if (receiver.Receive(packet) is { } d) digits.Add(d);
            }
        }
        Assert.Equal("4#1*", new string(digits.ToArray()));
    }

    [Fact]
    public void The_end_packet_alone_still_yields_the_digit_when_the_start_was_lost()
    {
        var datagrams = PcapFile.UdpPayloads(RequireSippPcap("dtmf_2833_7.pcap"));
        var receiver = new DtmfReceiver();
        var digits = datagrams.Skip(7).Select(d => { RtpPacket.TryParse(d, out var p); return receiver.Receive(p); }).OfType<char>().ToList();
        Assert.Equal(['7'], digits);
    }

    public static string RequireSippPcap(string file)
    {
        var path = Path.Combine(SippPcaps, file);
        if (File.Exists(path)) return path;
        ExternalTool.Missing($"{path} (Debian package sip-tester)");
        return null!;
    }
}
