using System.Text;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>Parser cases in the spirit of RFC 4475's torture tests, with our own data.</summary>
public sealed class SipParserTests
{
    private static SipParseResult Parse(string text) => SipParser.Parse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")));

    private static SipRequest ParseRequest(string text)
    {
        var result = Parse(text);
        Assert.True(result.Message is SipRequest, $"expected a valid request, got: {result.Error}");
        return (SipRequest)result.Message!;
    }

    private const string Basic = """
        INVITE sip:8001@crm.example.cn SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKabc1
        From: "王小明" <sip:13800138000@carrier.example.cn>;tag=f1
        To: <sip:8001@crm.example.cn>
        Call-ID: c1@10.0.0.7
        CSeq: 10 INVITE
        Max-Forwards: 70
        Content-Type: application/sdp
        Content-Length: 5

        v=0

        """;

    [Fact]
    public void Compact_names_folded_lines_odd_case_and_spacing_read_as_their_full_forms()
    {
        var request = ParseRequest("""
            OPTIONS sip:agent@127.0.0.1 SIP/2.0
            v:   SIP/2.0 / UDP   192.0.2.1:5070 ;branch=z9hG4bKtorture
            f: Caller <sip:caller@192.0.2.1>
             ;tag=a7
            t  : sip:agent@127.0.0.1
            i: torture-1@192.0.2.1
            cSeQ:
              8
              OPTIONS
            m: <sip:caller@192.0.2.1:5070>
            l: 0

            """);
        Assert.Equal("192.0.2.1", request.TopVia.Host);
        Assert.Equal(5070, request.TopVia.Port);
        Assert.Equal("UDP", request.TopVia.Transport);
        Assert.Equal("a7", request.From.Tag);
        Assert.Equal("Caller", request.From.DisplayName);
        Assert.Equal("agent", request.To.Uri.User);
        Assert.Equal("torture-1@192.0.2.1", request.CallId);
        Assert.Equal(new CSeqHeader(8, "OPTIONS"), request.CSeq);
        Assert.Equal(5070, request.Contact!.Uri.Port);
    }

    [Fact]
    public void Via_values_on_one_line_and_on_several_lines_keep_their_order()
    {
        var request = ParseRequest("""
            BYE sip:agent@127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP proxy1.example.cn;branch=z9hG4bK1, SIP/2.0/TCP proxy2.example.cn:5080;branch=z9hG4bK2
            Via: SIP/2.0/UDP [2001:db8::9]:5062;branch=z9hG4bK3;received=192.0.2.9
            From: <sip:a@example.cn>;tag=1
            To: <sip:b@example.cn>;tag=2
            Call-ID: via-order
            CSeq: 2 BYE
            Content-Length: 0

            """);
        var vias = request.Headers.All(SipHeaderNames.Via).Select(ViaHeader.Parse).ToList();
        Assert.Equal(["proxy1.example.cn", "proxy2.example.cn", "[2001:db8::9]"], vias.Select(v => v.Host));
        Assert.Equal("TCP", vias[1].Transport);
        Assert.Equal(5062, vias[2].Port);
        Assert.Equal("192.0.2.9", vias[2].Parameters["received"]);
    }

    [Fact]
    public void Name_addr_keeps_uri_parameters_inside_brackets_and_addr_spec_gives_them_to_the_header()
    {
        var bracketed = NameAddress.Parse("<sip:bob@example.cn;transport=tcp>;tag=2", "To");
        Assert.Equal("tcp", bracketed.Uri.Transport);
        Assert.Equal("2", bracketed.Tag);
        Assert.False(bracketed.Uri.Parameters.Contains("tag"));

        var bare = NameAddress.Parse("sip:bob@example.cn;transport=tcp;tag=3", "To");
        Assert.Null(bare.Uri.Transport);
        Assert.Equal("tcp", bare.Parameters["transport"]);
        Assert.Equal("3", bare.Tag);
    }

    [Fact]
    public void Quoted_display_names_keep_commas_escapes_and_brackets_inside_one_contact()
    {
        var request = ParseRequest("""
            REGISTER sip:crm.example.cn SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKq
            From: <sip:8001@crm.example.cn>;tag=r
            To: <sip:8001@crm.example.cn>
            Call-ID: quoted
            CSeq: 1 REGISTER
            Contact: "Doe, \"JD\" <desk>" <sip:8001@192.0.2.4>, <sip:8001@192.0.2.5>;expires=60
            Content-Length: 0

            """);
        var contacts = request.Headers.All(SipHeaderNames.Contact).Select(c => NameAddress.Parse(c, "Contact")).ToList();
        Assert.Equal(2, contacts.Count);
        Assert.Equal("Doe, \"JD\" <desk>", contacts[0].DisplayName);
        Assert.Equal("192.0.2.5", contacts[1].Uri.Host);
        Assert.Equal("60", contacts[1].Parameters["expires"]);
    }

    [Fact]
    public void Escaped_characters_in_the_user_part_are_decoded_and_written_back_escaped()
    {
        var uri = SipUri.Parse("sip:sip%3Auser%20name@example.cn:5070;lr");
        Assert.Equal("sip:user name", uri.User);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal(uri.ToString(), SipUri.Parse(uri.ToString()).ToString());
        Assert.Contains("%20", uri.ToString());
    }

    [Fact]
    public void Bytes_beyond_content_length_on_a_datagram_are_ignored()
    {
        var request = ParseRequest(Basic + "junk after the body");
        Assert.Equal("v=0\r\n", request.BodyText);
    }

    [Fact]
    public void A_content_length_larger_than_the_datagram_makes_a_bad_request_naming_it()
    {
        var result = Parse(Basic.Replace("Content-Length: 5", "Content-Length: 400"));
        Assert.NotNull(result.BadRequest);
        Assert.StartsWith("Content-Length: 400 is larger than", result.Error);
    }

    [Theory]
    [InlineData("Call-ID: c1@10.0.0.7\n", "", "Call-ID: missing")]
    [InlineData("CSeq: 10 INVITE", "CSeq: 10 BYE", "CSeq: method 'BYE' does not match the request method 'INVITE'")]
    [InlineData("CSeq: 10 INVITE", "CSeq: -3 INVITE", "CSeq: sequence number '-3' is not a 32-bit unsigned integer")]
    [InlineData("CSeq: 10 INVITE", "CSeq: 4294967296 INVITE", "CSeq: sequence number '4294967296' is not a 32-bit unsigned integer")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: seventy", "Max-Forwards: 'seventy' is not an integer from 0 to 255")]
    [InlineData("To: <sip:8001@crm.example.cn>", "To: <sip:8001@crm.example.cn", "To: '<' without '>'")]
    [InlineData("Via: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKabc1", "Via: SIP/3.0/UDP 10.0.0.7", "Via: unsupported protocol 'SIP/3.0'")]
    [InlineData("INVITE sip:8001@crm.example.cn SIP/2.0", "INVITE sip:8001@crm example.cn SIP/2.0", "Request-URI: 'sip:8001@crm example.cn' is not a valid URI")]
    public void A_readable_request_with_a_bad_header_is_answerable_with_a_reason_naming_the_header(string find, string replace, string expected)
    {
        var result = Parse(Basic.Replace(find.ReplaceLineEndings("\r\n"), replace).Replace(find, replace));
        Assert.Null(result.Message);
        Assert.NotNull(result.BadRequest);
        Assert.StartsWith(expected, result.Error);
        var answer = result.BadRequest!.CreateResponse(400, "Bad Request (" + result.Error + ")");
        Assert.Contains("SIP/2.0 400 Bad Request (" + expected, answer.ToString());
    }

    [Theory]
    [InlineData("\u0001\u0002binary\u00ff")]
    [InlineData("HELLO WORLD")]
    [InlineData("SIP/2.0 2000 Too Long\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/1.0\r\nVia: SIP/2.0/UDP x\r\n\r\n")]
    public void Garbage_is_neither_a_message_nor_a_bad_request(string text)
    {
        var result = Parse(text);
        Assert.True(result.IsGarbage);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void A_datagram_of_only_line_ends_is_a_keep_alive()
    {
        Assert.True(Parse("\r\n\r\n").IsKeepAlive);
    }

    [Fact]
    public void A_response_with_a_bad_cseq_is_garbage_because_no_one_can_be_told()
    {
        var result = Parse("""
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1
            From: <sip:a@b>;tag=1
            To: <sip:c@d>;tag=2
            Call-ID: r
            CSeq: x INVITE
            Content-Length: 0

            """);
        Assert.True(result.IsGarbage);
    }

    [Fact]
    public void Serializing_and_parsing_again_gives_the_same_message()
    {
        var request = ParseRequest(Basic);
        request.Headers.Add(SipHeaderNames.Via, "SIP/2.0/TCP 10.0.0.8;branch=z9hG4bKsecond");
        var again = ParseRequest(request.ToString());
        Assert.Equal(request.ToString(), again.ToString());
        Assert.Equal(2, again.Headers.All(SipHeaderNames.Via).Count());
        Assert.Equal("王小明", again.From.DisplayName);
        Assert.Equal("v=0\r\n", again.BodyText);
    }

    [Fact]
    public void A_response_copies_the_dialog_headers_and_adds_the_to_tag_once()
    {
        var request = ParseRequest(Basic);
        var ringing = request.CreateResponse(180, toTag: "t1");
        Assert.Equal("t1", ringing.To.Tag);
        Assert.Equal(request.CallId, ringing.CallId);
        Assert.Equal(request.CSeq, ringing.CSeq);
        Assert.Null(request.CreateResponse(100, toTag: "t1").To.Tag);
    }

    [Fact]
    public void A_stream_is_cut_into_messages_by_content_length_whatever_the_chunks()
    {
        var one = Encoding.UTF8.GetBytes(Basic.ReplaceLineEndings("\r\n"));
        var stream = new byte[] { 13, 10 }.Concat(one).Concat(one).ToArray();
        var framer = new SipStreamFramer();
        var messages = new List<byte[]>();
        foreach (var chunk in stream.Chunk(7))
        {
            framer.Append(chunk);
            while (framer.Next() is { } message) messages.Add(message);
        }
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("v=0\r\n", ((SipRequest)SipParser.Parse(m).Message!).BodyText));
    }

    [Fact]
    public void A_stream_with_an_unreadable_content_length_cannot_be_framed()
    {
        var framer = new SipStreamFramer();
        framer.Append(Encoding.UTF8.GetBytes(Basic.ReplaceLineEndings("\r\n").Replace("Content-Length: 5", "Content-Length: four")));
        var error = Assert.Throws<SipParseException>(() => framer.Next());
        Assert.Equal("Content-Length", error.Field);
    }
}
