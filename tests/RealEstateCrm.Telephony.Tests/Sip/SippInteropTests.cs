using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Calls;
using RealEstateCrm.Telephony.Sip.Registrar;
using RealEstateCrm.Telephony.Sip.Transactions;
using RealEstateCrm.Telephony.Sip.Transport;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>Our user agent against sipp on 127.0.0.1, with the scenarios in Sip/Scenarios.</summary>
public sealed class SippInteropTests
{
    [Fact]
    public async Task A_sipp_caller_is_answered_and_its_hangup_ends_the_call()
    {
        await using var agent = TestCalls.StartAgent();
        await using var sipp = Sipp.Start("uac_basic.xml", agent.UdpEndPoint, "-s", "8001");

        var call = await agent.NextCallAsync(sipp);
        Assert.Equal("8001", call.RequestUri.User);
        Assert.Equal("13800138000", call.Caller.Uri.User);
        Assert.Contains("PCMA/8000", call.OfferSdp);
        await call.SendProvisionalAsync(180);
        await call.AnswerAsync(TestCalls.Sdp).Within();
        var end = await call.Ended.Within();

        Assert.Equal(CallEndReason.RemoteHangup, end.Reason);
        await sipp.AssertSucceedsAsync();
    }

    [Fact]
    public async Task A_sipp_caller_over_tcp_is_answered_on_the_same_connection()
    {
        await using var agent = TestCalls.StartAgent(tcp: true);
        await using var sipp = Sipp.Start("uac_basic.xml", agent.TcpEndPoint, "-s", "8001", "-t", "t1");

        var call = await agent.NextCallAsync(sipp);
        Assert.Equal(SipTransportKind.Tcp, call.Peer.Transport);
        await call.SendProvisionalAsync(180);
        await call.AnswerAsync(TestCalls.Sdp).Within();

        Assert.Equal(CallEndReason.RemoteHangup, (await call.Ended.Within()).Reason);
        await sipp.AssertSucceedsAsync();
    }

    [Fact]
    public async Task A_reinvite_putting_the_call_on_hold_is_answered_with_our_sdp_retransmitted_until_its_ack_and_reported()
    {
        await using var agent = TestCalls.StartAgent();
        await using var sipp = Sipp.Start("uac_reinvite_hold.xml", agent.UdpEndPoint, "-s", "8001");
        var reoffer = new TaskCompletionSource<string>();

        var call = await agent.NextCallAsync(sipp);
        call.Reoffered += (_, sdp) => reoffer.TrySetResult(sdp);
        await call.AnswerAsync(TestCalls.Sdp.Replace("40000", "41000")).Within();

        Assert.Contains("a=sendonly", await reoffer.Task.Within());
        Assert.Equal(CallEndReason.RemoteHangup, (await call.Ended.Within()).Reason);
        await sipp.AssertSucceedsAsync();
        Assert.True(agent.Statistics.RetransmissionsSent >= 1, agent.Statistics.ToString());
    }

    [Fact]
    public async Task An_answer_never_acknowledged_is_retransmitted_then_given_up_with_a_bye()
    {
        // T1 = 50 ms makes 64·T1 3.2 s.
        var timers = new SipTimerSettings(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(500));
        await using var agent = TestCalls.StartAgent(timers: timers);
        await using var sipp = Sipp.Start("uac_no_ack.xml", agent.UdpEndPoint, "-s", "8001");

        var call = await agent.NextCallAsync(sipp);
        await Assert.ThrowsAsync<TimeoutException>(() => call.AnswerAsync(TestCalls.Sdp).Within(20));

        Assert.Equal(CallEndReason.TimedOut, (await call.Ended.Within()).Reason);
        Assert.True(agent.Statistics.RetransmissionsSent >= 5, agent.Statistics.ToString());
        await sipp.AssertSucceedsAsync();
    }

    [Fact]
    public async Task A_caller_cancelling_while_it_rings_ends_the_call_as_cancelled_with_487()
    {
        await using var agent = TestCalls.StartAgent();
        await using var sipp = Sipp.Start("uac_cancel.xml", agent.UdpEndPoint, "-s", "8001");

        var call = await agent.NextCallAsync(sipp);
        await call.SendProvisionalAsync(180);
        var end = await call.Ended.Within();

        Assert.Equal(new CallEnd(CallEndReason.Cancelled, 487), end);
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.AnswerAsync(TestCalls.Sdp));
        await sipp.AssertSucceedsAsync();
    }

    [Fact]
    public async Task A_phone_registers_with_the_right_password_and_can_then_be_found()
    {
        await using var agent = TestCalls.StartAgent(new AgentPasswords(("8001", "s3cret")), new SipRegistrarOptions { Algorithms = [DigestAlgorithm.Md5] });
        await using var sipp = Sipp.Start("register.xml", agent.UdpEndPoint, "-s", "8001", "-au", "8001", "-ap", "s3cret");

        await sipp.AssertSucceedsAsync();
        var binding = Assert.Single(agent.Registrar!.Lookup("8001"));
        Assert.Equal("8001", binding.Contact.User);
        // sipp's Contact names the port it sent from.
        Assert.Equal(binding.Peer.EndPoint.Port, binding.Contact.Port);
    }

    [Theory]
    [InlineData("8001", "wrong")]
    [InlineData("9999", "s3cret")]
    public async Task A_wrong_password_or_an_unknown_user_is_refused_with_403_and_registers_nothing(string user, string password)
    {
        await using var agent = TestCalls.StartAgent(new AgentPasswords(("8001", "s3cret")), new SipRegistrarOptions { Algorithms = [DigestAlgorithm.Md5] });
        await using var sipp = Sipp.Start("register_refused.xml", agent.UdpEndPoint, "-s", user, "-au", user, "-ap", password);

        await sipp.AssertSucceedsAsync();
        Assert.Empty(agent.Registrar!.Lookup(user));
    }

    [Fact]
    public async Task Our_call_to_a_sipp_phone_rings_is_answered_and_hung_up_by_us()
    {
        await using var agent = TestCalls.StartAgent();
        await using var sipp = Sipp.Start("uas_answer.xml", remote: null);

        // Ringing, not a Progress handler: one subscribed after Call() returns can miss a 180 that came quickly.
        var call = agent.Call(SipUri.Create("agent", "127.0.0.1", sipp.Port), TestCalls.Sdp);
        var answer = await call.Answered.Within();
        await sipp.WithLogAsync(call.HangupAsync());

        Assert.True(call.Ringing.IsCompleted);
        Assert.Contains("PCMU/8000", answer);
        Assert.Equal(CallEndReason.LocalHangup, (await call.Ended.Within()).Reason);
        await sipp.AssertSucceedsAsync();
    }

    [Fact]
    public async Task A_ringing_that_arrives_after_the_answer_is_ignored_and_the_call_goes_on()
    {
        await using var agent = TestCalls.StartAgent();
        await using var sipp = Sipp.Start("uas_ok_then_ringing.xml", remote: null);

        var call = agent.Call(SipUri.Create("agent", "127.0.0.1", sipp.Port), TestCalls.Sdp);
        await call.Answered.Within();
        await sipp.AssertSucceedsAsync();

        Assert.False(call.Ringing.IsCompleted);
        Assert.Equal(CallEndReason.RemoteHangup, (await call.Ended.Within()).Reason);
        Assert.Equal(0, agent.Statistics.InternalErrors);
    }
}
