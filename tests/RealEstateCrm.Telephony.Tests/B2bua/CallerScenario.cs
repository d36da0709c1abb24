using System.Text;

namespace RealEstateCrm.Telephony.Tests.B2bua;

/// <summary>Writes a sipp caller scenario: INVITE with an A-law + telephone-event offer, the answer and ACK, then
/// pauses and RFC 4733 digits played from the DTMF captures sip-tester ships, and either our BYE or the switch's.
/// ACK and BYE carry the route set a proxy recorded (sipp leaves the Route line out when there is none).</summary>
internal sealed class CallerScenario
{
    private readonly StringBuilder _steps = new();

    public CallerScenario Pause(int milliseconds)
    {
        _steps.AppendLine($"""  <pause milliseconds="{milliseconds}"/>""");
        return this;
    }

    /// <summary>Starts playing one digit's capture to the switch's RTP port (it goes on during the next step).</summary>
    public CallerScenario Digit(char digit)
    {
        var name = digit switch { '#' => "pound", '*' => "star", _ => digit.ToString() };
        _steps.AppendLine($"""  <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_{name}.pcap"/></action></nop>""");
        return this;
    }

    /// <summary>Writes the scenario ending with the caller hanging up, or with the switch hanging up on the caller.</summary>
    public string Write(string folder, bool callerHangsUp)
    {
        var path = Path.Combine(folder, $"caller-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, Head + _steps + (callerHangsUp ? CallerBye : SwitchBye) + "</scenario>\n");
        return path;
    }

    private const string Dialog = """
              From: "Caller" <sip:[service]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[callee]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              [routes]
        """;

    private const string Head = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller">
          <send retrans="500">
            <![CDATA[
              INVITE sip:[callee]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Caller" <sip:[service]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[callee]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:[service]@[local_ip]:[local_port]>
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=caller 53655765 2353687637 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 8 101
              a=rtpmap:8 PCMA/8000
              a=rtpmap:101 telephone-event/8000
              a=fmtp:101 0-15
            ]]>
          </send>
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
          <send>
            <![CDATA[
              ACK [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]

        """ + Dialog + """

              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>

        """;

    private const string CallerBye = """
          <send retrans="500">
            <![CDATA[
              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]

        """ + Dialog + """

              CSeq: 2 BYE
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200" crlf="true"/>

        """;

    private const string SwitchBye = """
          <recv request="BYE" timeout="20000"/>
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0
            ]]>
          </send>

        """;
}
