namespace RealEstateCrm.Bench.Sip;

/// <summary>The sipp scenarios of the load run, written into its folder.</summary>
internal static class SipScenarios
{
    /// <summary>A caller: INVITE (response time 1 runs from it to the 180), answer, ACK, 1 s of talk, BYE.</summary>
    public const string Caller = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="bench caller">
          <send retrans="500" start_rtd="1">
            <![CDATA[
              INVITE sip:[callee]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[service]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[callee]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:[service]@[local_ip]:[local_port]>
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=caller 1 1 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 8 101
              a=rtpmap:8 PCMA/8000
              a=rtpmap:101 telephone-event/8000
            ]]>
          </send>
          <recv response="100" optional="true"/>
          <recv response="180" optional="true" rtd="1"/>
          <recv response="200" rrs="true"/>
          <send>
            <![CDATA[
              ACK [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[service]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[callee]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              [routes]
              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <pause milliseconds="1000"/>
          <send retrans="500">
            <![CDATA[
              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[service]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[callee]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              [routes]
              CSeq: 2 BYE
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200" crlf="true"/>
        </scenario>
        """;

    /// <summary>Registers one agent (-s extension, -au/-ap credentials) with the answering sipp's Contact (-key contact_port).</summary>
    public const string Register = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="bench agents register">
          <send retrans="500">
            <![CDATA[
              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[service]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 REGISTER
              Contact: <sip:[service]@[local_ip]:[contact_port]>
              Expires: 3600
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="401" auth="true"/>
          <send retrans="500">
            <![CDATA[
              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[service]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 2 REGISTER
              Contact: <sip:[service]@[local_ip]:[contact_port]>
              [authentication]
              Expires: 3600
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>Kamailio as a stateful, record-routing proxy that relays every new INVITE to one address.</summary>
    public static string KamailioConfig(int port, int target) => $$"""
        #!KAMAILIO
        debug=1
        log_stderror=yes
        children=4
        auto_aliases=no
        listen=udp:127.0.0.1:{{port}}
        alias="127.0.0.1:{{port}}"
        loadmodule "tm.so"
        loadmodule "sl.so"
        loadmodule "rr.so"
        loadmodule "pv.so"
        loadmodule "maxfwd.so"
        loadmodule "siputils.so"
        loadmodule "textops.so"

        request_route {
            if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
            if (has_totag()) {
                if (loose_route()) { t_relay(); exit; }
                if (is_method("ACK") && t_check_trans()) { t_relay(); }
                exit;
            }
            if (is_method("CANCEL")) { if (t_check_trans()) { t_relay(); } exit; }
            record_route();
            $du = "sip:127.0.0.1:{{target}}";
            t_relay();
        }
        """;
}
