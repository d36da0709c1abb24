using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class RtpPacketTests
{
    [Fact]
    public void A_written_packet_parses_back_with_every_header_field()
    {
        var sent = new RtpPacket(true, 8, 65535, 0xFFFFFF00, 0xDEADBEEF, new byte[] { 1, 2, 3 });
        Assert.True(RtpPacket.TryParse(sent.ToArray(), out var received));
        Assert.Equal((sent.Marker, sent.PayloadType, sent.SequenceNumber, sent.Timestamp, sent.Ssrc), (received.Marker, received.PayloadType, received.SequenceNumber, received.Timestamp, received.Ssrc));
        Assert.Equal([1, 2, 3], received.Payload.ToArray());
    }

    [Fact]
    public void Csrcs_extension_and_padding_are_skipped_to_find_the_payload()
    {
        byte[] datagram =
        [
            0xB1, 0x00, 0, 1, 0, 0, 0, 160, 0, 0, 0, 9, // V=2 P X CC=1, PT 0
            0, 0, 0, 42, // CSRC
            0xBE, 0xDE, 0, 1, 1, 2, 3, 4, // one-word header extension
            7, 7, // payload
            0, 0, 3, // padding: 3 bytes, the last one says so
        ];
        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        Assert.Equal([7, 7], packet.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0 })]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0x80, 0xC8, 0, 6, 0, 0, 0, 0, 0, 0, 0, 1 })]
    public void Short_wrong_version_truncated_or_rtcp_datagrams_are_not_rtp(byte[] datagram) =>
        Assert.False(RtpPacket.TryParse(datagram, out _));

    [Fact]
    public void A_sender_report_with_a_block_and_cname_round_trips()
    {
        var block = new ReceptionReport(0x1234, 0.25, 17, 70000, 123, 0xAABBCCDD, 65536);
        var sent = new RtcpPacket(0x99, new SenderInfo(SenderInfo.ToNtp(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc)), 4000, 50, 8000), [block], "crm@127.0.0.1");
        var bytes = sent.ToArray();
        Assert.Equal(0, bytes.Length % 4);
        Assert.True(RtcpPacket.TryParse(bytes, out var received));
        Assert.Equal(0x99u, received.Ssrc);
        Assert.Equal(sent.Sender, received.Sender);
        Assert.Equal(block, Assert.Single(received.Reports));
        Assert.Equal("crm@127.0.0.1", received.CanonicalName);
        Assert.False(received.Bye);
    }

    [Fact]
    public void A_receiver_report_with_bye_is_read_as_such()
    {
        Assert.True(RtcpPacket.TryParse(new RtcpPacket(5, null, [], "x", Bye: true).ToArray(), out var received));
        Assert.Null(received.Sender);
        Assert.True(received.Bye);
    }
}
