using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Calls;
using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>Two of our user agents talking to each other on 127.0.0.1: the parts sipp does not speak
/// (SHA-256 digest, our registration client, DTMF by INFO) and both ends of our own call legs.</summary>
public sealed class UserAgentLoopbackTests
{
    [Fact]
    public async Task An_agent_phone_registers_with_sha256_over_tcp_and_is_called_at_its_registered_contact()
    {
        await using var center = TestCalls.StartAgent(new AgentPasswords(("8001", "s3cret")), tcp: true);
        await using var phone = TestCalls.StartAgent(tcp: true, user: "8001");

        var registered = await phone.RegisterAsync(SipUri.Parse($"sip:127.0.0.1:{center.TcpEndPoint!.Port};transport=tcp"), "8001", "s3cret", TimeSpan.FromMinutes(10)).Within();
        Assert.Equal(200, registered.StatusCode);
        var binding = Assert.Single(center.Registrar!.Lookup("8001"));
        Assert.Equal("tcp", binding.Contact.Transport);

        var call = center.CallRegistered("8001", TestCalls.Sdp);
        var ringing = await phone.NextCallAsync();
        Assert.Equal(SipTransportKind.Tcp, ringing.Peer.Transport);
        Assert.Equal("8001", ringing.Callee.Uri.User);
        await ringing.SendProvisionalAsync(180);
        var answered = ringing.AnswerAsync(TestCalls.Sdp.Replace("40000", "41000"));
        Assert.Contains("41000", await call.Answered.Within());
        await answered.Within();

        var digits = new List<char>();
        ringing.DtmfReceived += (_, digit) => digits.Add(digit);
        Assert.Equal(200, await call.SendDtmfAsync('5').Within());
        Assert.Equal(200, await call.SendDtmfAsync('#').Within());
        Assert.Equal(['5', '#'], digits);

        await ringing.HangupAsync().Within();
        Assert.Equal(CallEndReason.RemoteHangup, (await call.Ended.Within()).Reason);
        Assert.Equal(CallEndReason.LocalHangup, (await ringing.Ended.Within()).Reason);
        Assert.Equal(0, center.Statistics.RetransmissionsSent);
    }

    [Fact]
    public async Task A_wrong_sha256_password_gets_403_and_leaves_no_binding()
    {
        await using var center = TestCalls.StartAgent(new AgentPasswords(("8001", "s3cret")));
        await using var phone = TestCalls.StartAgent(user: "8001");

        var refused = await phone.RegisterAsync(SipUri.Create(null, "127.0.0.1", center.UdpEndPoint.Port), "8001", "guess", TimeSpan.FromMinutes(10)).Within();

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("Forbidden (wrong password)", refused.ReasonPhrase);
        Assert.Empty(center.Registrar!.Lookup("8001"));
    }

    [Fact]
    public async Task Calling_a_user_who_is_not_registered_fails_with_480()
    {
        await using var center = TestCalls.StartAgent(new AgentPasswords(("8001", "s3cret")));
        var failure = Assert.Throws<SipCallFailedException>(() => center.CallRegistered("8001", TestCalls.Sdp));
        Assert.Equal(480, failure.StatusCode);
    }

    [Fact]
    public async Task Cancelling_our_call_while_the_callee_rings_ends_both_legs_as_cancelled()
    {
        await using var caller = TestCalls.StartAgent();
        await using var callee = TestCalls.StartAgent();
        var ringing = new TaskCompletionSource();

        var call = caller.Call(SipUri.Create("8001", "127.0.0.1", callee.UdpEndPoint.Port), TestCalls.Sdp);
        call.Progress += (_, _) => ringing.TrySetResult();
        var incoming = await callee.NextCallAsync();
        await incoming.SendProvisionalAsync(180);
        await ringing.Task.Within();
        await call.CancelAsync().Within();

        Assert.Equal(new CallEnd(CallEndReason.Cancelled, 487), await incoming.Ended.Within());
        Assert.Equal(487, (await Assert.ThrowsAsync<SipCallFailedException>(() => call.Answered.Within())).StatusCode);
        Assert.Equal(CallEndReason.Cancelled, (await call.Ended.Within()).Reason);
    }

    [Fact]
    public async Task A_number_the_option_picks_rings_on_arrival_before_the_call_is_read_and_others_do_not()
    {
        await using var callee = SipUserAgent.Start(new SipUserAgentOptions { UdpPort = 0, RingsAtOnce = invite => invite.Uri.User == "4008" });
        await using var caller = TestCalls.StartAgent();
        // Ringing, not Progress: the 180 leaves with the 100 on the receive thread and can arrive before a handler
        // subscribed after Call() returns.
        var call = caller.Call(SipUri.Create("4008", "127.0.0.1", callee.UdpEndPoint.Port), TestCalls.Sdp);
        await call.Ringing.Within();
        Assert.Equal("4008", (await callee.NextCallAsync()).Callee.Uri.User);

        var unknown = caller.Call(SipUri.Create("9999", "127.0.0.1", callee.UdpEndPoint.Port), TestCalls.Sdp);
        await (await callee.NextCallAsync()).RejectAsync(404);
        Assert.Equal(404, (await Assert.ThrowsAsync<SipCallFailedException>(() => unknown.Answered.Within())).StatusCode);
        Assert.False(unknown.Ringing.IsCompleted);
    }

    [Fact]
    public async Task A_rejected_call_fails_with_the_callees_status()
    {
        await using var caller = TestCalls.StartAgent();
        await using var callee = TestCalls.StartAgent();

        var call = caller.Call(SipUri.Create("8001", "127.0.0.1", callee.UdpEndPoint.Port), TestCalls.Sdp);
        var incoming = await callee.NextCallAsync();
        await incoming.RejectAsync(486);

        var failure = await Assert.ThrowsAsync<SipCallFailedException>(() => call.Answered.Within());
        Assert.Equal(486, failure.StatusCode);
        Assert.Equal(new CallEnd(CallEndReason.Rejected, 486), await call.Ended.Within());
        Assert.Equal(new CallEnd(CallEndReason.Rejected, 486), await incoming.Ended.Within());
    }

    [Fact]
    public async Task An_options_ping_is_answered_with_the_methods_we_allow()
    {
        await using var caller = TestCalls.StartAgent();
        await using var callee = TestCalls.StartAgent();
        var target = SipUri.Create(null, "127.0.0.1", callee.UdpEndPoint.Port);
        var options = new SipRequest(SipMethods.Options, target);
        options.Headers.Add(SipHeaderNames.From, "<sip:ping@127.0.0.1>;tag=p1");
        options.Headers.Add(SipHeaderNames.To, $"<{target}>");
        options.Headers.Add(SipHeaderNames.CallId, "ping-1");
        options.Headers.Add(SipHeaderNames.CSeq, "1 OPTIONS");

        var response = await caller.SendRequestAsync(options, new SipPeer(SipTransportKind.Udp, callee.UdpEndPoint)).Within();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(SipMethods.Allowed.Split(", "), response.Headers.All(SipHeaderNames.Allow));
    }

    [Fact]
    public async Task A_tcp_stream_that_cannot_be_framed_is_closed_and_counted_as_dropped_while_the_listener_goes_on()
    {
        await using var agent = TestCalls.StartAgent(tcp: true);
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(agent.TcpEndPoint!, TestContext.Current.CancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nContent-Length: lots\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
            var read = await stream.ReadAsync(new byte[100], TestContext.Current.CancellationToken).AsTask().Within();
            Assert.Equal(0, read);
        }

        Assert.Equal(1, agent.Statistics.Received);
        Assert.Equal(1, agent.Statistics.Dropped);
        await using var caller = TestCalls.StartAgent(tcp: true);
        var call = caller.Call(SipUri.Parse($"sip:8001@127.0.0.1:{agent.TcpEndPoint!.Port};transport=tcp"), TestCalls.Sdp);
        var incoming = await agent.NextCallAsync();
        await incoming.RejectAsync(486);
        Assert.Equal(486, (await Assert.ThrowsAsync<SipCallFailedException>(() => call.Answered.Within())).StatusCode);
    }
}
