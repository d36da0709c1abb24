using System.Net;
using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class SdpTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Loopback, 40000);

    // What sipp's uac_pcap scenario offers (A-law only, then RFC 4733), with LF line ends as in its XML.
    private const string SippOffer = """
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-11,16
        """;

    private const string BaresipOffer =
        "v=0\r\no=- 1234 5678 IN IP4 127.0.0.1\r\ns=baresip\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 10004 RTP/AVP 96 0 8 97\r\na=rtpmap:96 opus/48000/2\r\na=rtpmap:97 telephone-event/8000\r\na=fmtp:97 0-15\r\na=sendrecv\r\n" +
        "m=video 10006 RTP/AVP 98\r\na=rtpmap:98 H264/90000\r\n";

    [Fact]
    public void A_sipp_offer_is_answered_with_pcma_and_its_telephone_event_type()
    {
        var (answer, media) = OfferAnswer.Answer(SessionDescription.Parse(SippOffer), Local);

        Assert.Same(AudioCodec.Pcma, media.Codec);
        Assert.Equal(8, media.PayloadType);
        Assert.Equal(101, media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6000), media.Remote);
        Assert.Equal(MediaDirection.SendRecv, media.Direction);
        var audio = Assert.Single(answer.Media);
        Assert.Equal(40000, audio.Port);
        Assert.Equal(["8", "101"], audio.Formats);
        Assert.Equal("127.0.0.1", answer.ConnectionAddress);
    }

    [Fact]
    public void The_offerers_codec_order_wins_and_unsupported_streams_are_refused_with_port_zero()
    {
        var (answer, media) = OfferAnswer.Answer(SessionDescription.Parse(BaresipOffer), Local);

        Assert.Same(AudioCodec.Pcmu, media.Codec);
        Assert.Equal(97, media.TelephoneEventPayloadType);
        Assert.Equal(2, answer.Media.Count);
        Assert.Equal(["0", "97"], answer.Media[0].Formats);
        Assert.Equal(0, answer.Media[1].Port);
        Assert.Equal("video", answer.Media[1].Media);
    }

    [Fact]
    public void Restricting_our_codecs_to_pcma_picks_it_from_an_offer_that_prefers_pcmu()
    {
        var (_, media) = OfferAnswer.Answer(SessionDescription.Parse(BaresipOffer), Local, [AudioCodec.Pcma]);
        Assert.Same(AudioCodec.Pcma, media.Codec);
    }

    [Theory]
    [InlineData("sendonly", MediaDirection.RecvOnly, "recvonly")]
    [InlineData("recvonly", MediaDirection.SendOnly, "sendonly")]
    [InlineData("inactive", MediaDirection.Inactive, "inactive")]
    [InlineData("sendrecv", MediaDirection.SendRecv, "sendrecv")]
    public void A_hold_offer_is_mirrored_in_the_answer(string offered, MediaDirection ours, string answered)
    {
        var (answer, media) = OfferAnswer.Answer(SessionDescription.Parse(SippOffer + $"\na={offered}\n"), Local);
        Assert.Equal(ours, media.Direction);
        Assert.Contains(answer.Media[0].Attributes, a => a.Name == answered);
    }

    [Fact]
    public void A_zero_address_hold_means_we_send_nothing()
    {
        var (_, media) = OfferAnswer.Answer(SessionDescription.Parse(SippOffer.Replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0")), Local);
        Assert.Null(media.Remote);
        Assert.Equal(MediaDirection.RecvOnly, media.Direction);
    }

    [Fact]
    public void Putting_the_peer_on_hold_answers_sendonly()
    {
        var (_, media) = OfferAnswer.Answer(SessionDescription.Parse(SippOffer), Local, localDirection: MediaDirection.SendOnly);
        Assert.Equal(MediaDirection.SendOnly, media.Direction);
    }

    [Fact]
    public void An_offer_without_g711_is_refused_naming_what_was_offered()
    {
        var offer = SessionDescription.Parse("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 5000 RTP/AVP 18 96\na=rtpmap:96 opus/48000/2\n");
        var error = Assert.Throws<SdpNegotiationException>(() => OfferAnswer.Answer(offer, Local));
        Assert.Contains("offered 18, 96 (opus)", error.Message);
        Assert.Contains("PCMU, PCMA", error.Message);
    }

    [Fact]
    public void Our_offer_read_back_by_the_peer_and_its_answer_agree_on_codec_and_addresses()
    {
        var offer = OfferAnswer.CreateOffer(Local, sessionId: 7);
        var parsedOffer = SessionDescription.Parse(offer.ToString());
        var peer = new IPEndPoint(IPAddress.Loopback, 50000);
        var (answer, peerMedia) = OfferAnswer.Answer(parsedOffer, peer, [AudioCodec.Pcma]);
        var ours = OfferAnswer.ReadAnswer(SessionDescription.Parse(answer.ToString()));

        Assert.Equal(Local, peerMedia.Remote);
        Assert.Equal(peer, ours.Remote);
        Assert.Same(AudioCodec.Pcma, ours.Codec);
        Assert.Equal(101, ours.TelephoneEventPayloadType);
    }

    [Fact]
    public void Serialising_keeps_every_line_in_rfc_order_with_crlf()
    {
        var text = "v=0\r\no=alice 2890844526 2890844527 IN IP4 10.0.0.1\r\ns=call\r\ni=info\r\nc=IN IP4 10.0.0.1\r\nb=AS:64\r\nt=0 0\r\n" +
                   "a=tool:x\r\nm=audio 49170 RTP/AVP 0 101\r\nb=AS:64\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendonly\r\n";
        Assert.Equal(text, SessionDescription.Parse(text).ToString());
    }

    [Theory]
    [InlineData("o=- 1 1 IN IP4 127.0.0.1\ns=-\n", "line 1: the first line must be v=")]
    [InlineData("v=1\n", "line 1: v=1")]
    [InlineData("v=0\no=- 1 IN IP4 127.0.0.1\n", "line 2: o= has 5 fields")]
    [InlineData("v=0\no=- x 1 IN IP4 127.0.0.1\n", "line 2: o= sess-id \"x\"")]
    [InlineData("v=0\nc=IN IP9 1.2.3.4\n", "line 2: c= address type IP9")]
    [InlineData("v=0\nm=audio 70000 RTP/AVP 0\n", "line 2: m= port \"70000\"")]
    [InlineData("v=0\nm=audio\n", "line 2: m= needs media, port and protocol")]
    [InlineData("v=0\nhello\n", "line 2: \"hello\" is not type=value")]
    [InlineData("", "empty body")]
    public void Malformed_sdp_is_refused_naming_the_line_and_field(string text, string expected)
    {
        var error = Assert.Throws<SdpFormatException>(() => SessionDescription.Parse(text));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_audio_stream_without_a_connection_address_is_refused()
    {
        var offer = SessionDescription.Parse("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\nm=audio 5000 RTP/AVP 0\n");
        var error = Assert.Throws<SdpFormatException>(() => OfferAnswer.Answer(offer, Local));
        Assert.Contains("no c= line", error.Message);
    }
}
