using System.Diagnostics;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>sipp plays its own RFC 4733 and A-law captures over real UDP to our RTP port: one sipp sends an INVITE whose SDP
/// names our session's port, the other answers it and plays the pcaps (<c>play_pcap_audio</c>, which needs root)
/// towards that port. The SIP between the two sipps only carries our address.</summary>
public sealed class SippPcapPlaybackTests : MediaTest
{
    [Fact]
    public async Task Digits_and_a_law_speech_played_by_sipp_from_its_pcaps_reach_our_session()
    {
        var sipp = ExternalTool.Require("sipp");
        DtmfPcapTests.RequireSippPcap("dtmf_2833_1.pcap");
        if (Environment.UserName != "root") ExternalTool.Missing("root (sipp's play_pcap_audio needs it)");

        var session = Bed.Session();
        var heard = Bed.Collect(session);
        var (uasPort, uacPort) = (FreePort.UdpRun(1), FreePort.UdpRun(1));
        var (uasMedia, uacMedia) = (FreePort.UdpRun(4), FreePort.UdpRun(4));
        File.WriteAllText(Path.Combine(Folder, "uas.xml"), UasScenario);
        File.WriteAllText(Path.Combine(Folder, "uac.xml"), UacScenario.Replace("OUR_RTP_PORT", session.LocalEndPoint.Port.ToString()));

        using var uas = Start(sipp, $"-sf uas.xml -i 127.0.0.1 -p {uasPort} -mp {uasMedia} -m 1 -nostdin -timeout 25s -timeout_error");
        try
        {
            await Task.Delay(300, Ct);
            using var uac = Start(sipp, $"127.0.0.1:{uasPort} -sf uac.xml -i 127.0.0.1 -p {uacPort} -mp {uacMedia} -m 1 -nostdin -timeout 25s -timeout_error");
            try
            {
                var digits = new List<char>();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(20));
                while (digits.Count < 3) digits.Add(await session.Digits.ReadAsync(timeout.Token));

                Assert.Equal("1#7", new string(digits.ToArray()));
                await uac.WaitForExitAsync(timeout.Token);
                // g711a.pcap: 236 packets of 30 ms A-law speech, decoded as PCMA by its static payload type.
                await Eventually.True(() => heard.Samples.Length >= 236 * 240);
                Assert.Equal(236 * 240, heard.Samples.Length);
                Assert.True(AudioMath.Rms(heard.Samples) > 500, "the capture's speech is audible");
                await uas.WaitForExitAsync(timeout.Token);
                Assert.Equal(0, uas.ExitCode);
                Assert.Equal(0, uac.ExitCode);
                Assert.Equal(0, session.ReceiveStatistics.Lost);
            }
            finally { Stop(uac); }
        }
        finally { Stop(uas); }
    }

    private Process Start(string sipp, string arguments)
    {
        var process = Process.Start(new ProcessStartInfo(sipp, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        // Drain sipp's screen output so a full pipe never blocks it.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }

    private const string UacScenario = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="offer our RTP port">
          <send retrans="500">
            <![CDATA[
              INVITE sip:ivr@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: caller <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: ivr <sip:ivr@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: sip:caller@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=user1 53655765 2353687637 IN IP4 127.0.0.1
              s=-
              c=IN IP4 127.0.0.1
              t=0 0
              m=audio OUR_RTP_PORT RTP/AVP 8 101
              a=rtpmap:8 PCMA/8000
              a=rtpmap:101 telephone-event/8000

            ]]>
          </send>
          <recv response="100" optional="true" />
          <recv response="200" />
          <send>
            <![CDATA[
              ACK sip:ivr@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: caller <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: ivr <sip:ivr@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv request="BYE" />
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
        </scenario>
        """;

    private const string UasScenario = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="answer and play DTMF pcaps to the offered port">
          <recv request="INVITE" />
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:ivr@[local_ip]:[local_port]>
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=user1 53655765 2353687637 IN IP4 127.0.0.1
              s=-
              c=IN IP4 127.0.0.1
              t=0 0
              m=audio [media_port] RTP/AVP 8 101
              a=rtpmap:8 PCMA/8000
              a=rtpmap:101 telephone-event/8000

            ]]>
          </send>
          <recv request="ACK" />
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_1.pcap" /></action></nop>
          <pause milliseconds="600" />
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_pound.pcap" /></action></nop>
          <pause milliseconds="600" />
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_7.pcap" /></action></nop>
          <pause milliseconds="600" />
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/g711a.pcap" /></action></nop>
          <pause milliseconds="7400" />
          <send retrans="500">
            <![CDATA[
              BYE sip:caller@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              CSeq: 2 BYE
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200" />
        </scenario>
        """;
}
