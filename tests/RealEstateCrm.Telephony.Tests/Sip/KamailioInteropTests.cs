using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Calls;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>Kamailio in front of us as registrar and record-routing proxy, sipp as the caller.</summary>
public sealed class KamailioInteropTests
{
    [Fact]
    public async Task A_call_through_kamailio_reaches_our_registered_agent_and_our_bye_follows_the_route_set()
    {
        await using var kamailio = Kamailio.Start();
        await using var agent = TestCalls.StartAgent();
        var registrar = SipUri.Create(null, "127.0.0.1", kamailio.EndPoint.Port);

        // Kamailio may still be starting: REGISTER retransmits on timer E until it answers.
        var registered = await agent.RegisterAsync(registrar, "8001", null, TimeSpan.FromMinutes(10)).Within(40);
        Assert.True(registered.StatusCode == 200, $"REGISTER got {registered.StatusCode}\n{kamailio.Output}");

        await using var sipp = Sipp.Start("uac_via_proxy.xml", kamailio.EndPoint, "-s", "8001");
        var call = await agent.NextCallAsync(sipp);
        Assert.Equal("8001", call.Callee.Uri.User);
        Assert.Single(call.Invite.Headers.All(SipHeaderNames.RecordRoute));
        await call.SendProvisionalAsync(180);
        await call.AnswerAsync(TestCalls.Sdp).Within();
        await call.HangupAsync().Within();

        Assert.Equal(CallEndReason.LocalHangup, (await call.Ended.Within()).Reason);
        Assert.Equal(kamailio.EndPoint.Port, call.Dialog!.RouteSet.Single().Uri.Port);
        await sipp.AssertSucceedsAsync();
    }
}
