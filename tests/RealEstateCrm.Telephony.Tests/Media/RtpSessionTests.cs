using System.Net;
using System.Net.Sockets;
using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class RtpSessionTests : MediaTest
{
    [Theory]
    [InlineData("PCMU")]
    [InlineData("PCMA")]
    public async Task A_prompt_sent_over_udp_arrives_sample_exact_in_20_ms_packets(string codecName)
    {
        var codec = AudioCodec.FromName(codecName)!;
        var (a, b) = Bed.Call([codec]);
        var received = Bed.Collect(b);
        var prompt = new PromptLibrary("en").Get(PromptNames.PleaseHold);

        var result = await Bed.Player.PlayAsync(a, prompt, bargeIn: false, cancellationToken: Ct);
        await Eventually.True(() => received.Samples.Length >= prompt.Samples.Length);

        Assert.True(result.Completed);
        Assert.Equal(codec.Decode(codec.Encode(prompt.Samples)), received.Samples);
        Assert.Equal((prompt.Samples.Length + 159) / 160, a.PacketsSent);
        var stats = b.ReceiveStatistics;
        Assert.Equal(a.PacketsSent, stats.Received);
        Assert.Equal(0, stats.Lost);
        Assert.InRange(result.Played, prompt.Duration - TimeSpan.FromMilliseconds(1), prompt.Duration + TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task Digits_sent_as_rfc_4733_events_arrive_once_each_in_order()
    {
        var (a, b) = Bed.Call();
        foreach (var digit in "19#*") await a.SendDigitAsync(digit, TimeSpan.FromMilliseconds(60));

        var digits = new List<char>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (digits.Count < 4) digits.Add(await b.Digits.ReadAsync(timeout.Token));
        Assert.Equal("19#*", new string(digits.ToArray()));
        // 3 updates and the end packet three times per digit.
        Assert.Equal(4 * (3 + 2), a.PacketsSent);
    }

    [Fact]
    public async Task Rtcp_receiver_reports_tell_the_sender_how_its_stream_arrived()
    {
        var fast = new RtpSessionOptions { RtcpInterval = TimeSpan.FromMilliseconds(200) };
        var a = Bed.Session(fast);
        var b = Bed.Session(fast);
        a.SetRemote(b.LocalEndPoint);
        b.SetRemote(a.LocalEndPoint);

        await Bed.Player.PlayAsync(a, MediaTestBed.Tone(440, TimeSpan.FromMilliseconds(800)), bargeIn: false, cancellationToken: Ct);
        await Eventually.True(() => a.RemoteReport is { ExtendedHighestSequence: > 0 } r && r.ExtendedHighestSequence >= b.ReceiveStatistics.Received - 20);

        var report = a.RemoteReport!.Value;
        Assert.Equal(a.Ssrc, report.Ssrc);
        Assert.Equal(0, report.CumulativeLost);
        Assert.Equal(0, report.FractionLost);
        Assert.NotEqual(0u, report.LastSenderReport);
    }

    [Fact]
    public async Task Rtp_goes_back_to_where_the_peers_packets_come_from_not_where_sdp_said()
    {
        var a = Bed.Session();
        var b = Bed.Session();
        // B was told a wrong port (as behind NAT or a relay): A's packets teach it the real one.
        b.SetRemote(new IPEndPoint(IPAddress.Loopback, 9));
        a.SetRemote(b.LocalEndPoint);
        var atA = Bed.Collect(a);

        await Bed.Player.PlayAsync(a, MediaTestBed.Tone(440, TimeSpan.FromMilliseconds(200)), bargeIn: false, cancellationToken: Ct);
        await Eventually.True(() => b.ReceiveStatistics.Received > 0);
        await Bed.Player.PlayAsync(b, MediaTestBed.Tone(1000, TimeSpan.FromMilliseconds(400)), bargeIn: false, cancellationToken: Ct);
        await Eventually.True(() => atA.Samples.Length >= 3200);

        Assert.Equal(a.LocalEndPoint, b.RemoteEndPoint);
        Assert.True(atA.ToneLevel(1000) > 1000);
    }

    [Fact]
    public async Task Garbage_on_the_rtp_port_is_counted_and_dropped_and_audio_still_flows()
    {
        var (a, b) = Bed.Call();
        using (var garbage = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            var random = new Random(42);
            for (var i = 0; i < 200; i++)
            {
                var bytes = new byte[random.Next(0, 40)];
                random.NextBytes(bytes);
                if (bytes.Length > 0) bytes[0] &= 0x3F; // version 0: never valid RTP
                garbage.SendTo(bytes, b.LocalEndPoint);
            }
        }
        await Bed.Player.PlayAsync(a, MediaTestBed.Tone(440, TimeSpan.FromMilliseconds(200)), bargeIn: false, cancellationToken: Ct);
        await Eventually.True(() => b.ReceiveStatistics.Received == 10);

        Assert.InRange(b.MalformedPackets, 190, 200); // a few empty datagrams may be coalesced away by the stack
        Assert.Equal(10, b.ReceiveStatistics.Received);
    }

    [Fact]
    public async Task A_session_on_hold_that_may_only_receive_sends_nothing()
    {
        var a = Bed.Session();
        var b = Bed.Session();
        a.Apply(new NegotiatedMedia(AudioCodec.Pcmu, 0, 101, b.LocalEndPoint, MediaDirection.RecvOnly));

        await Bed.Player.PlayAsync(a, MediaTestBed.Tone(440, TimeSpan.FromMilliseconds(200)), bargeIn: false, cancellationToken: Ct);
        await Task.Delay(100, Ct);

        Assert.Equal(0, a.PacketsSent);
        Assert.Equal(0, b.ReceiveStatistics.Received);
    }

    [Fact]
    public async Task Closing_a_session_says_bye_over_rtcp()
    {
        var (a, b) = Bed.Call();
        await Bed.Player.PlayAsync(a, MediaTestBed.Tone(440, TimeSpan.FromMilliseconds(100)), bargeIn: false, cancellationToken: Ct);
        await Eventually.True(() => b.RemoteEndPoint is not null && b.ReceiveStatistics.Received > 0);
        await a.DisposeAsync();
        await Eventually.True(() => b.ByeReceived);
    }
}
