using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Calls;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Places one dialer call on the switch, agent first: the agent's registered phone rings and answers, then the
/// customer's number is dialled through the outbound trunk, and the two legs are bridged and recorded like an inbound
/// call. Agent first is the usual way for preview and progressive dialling: a customer who answers always finds the
/// agent on the line (no silent, abandoned answers as predictive dialling makes), and the agent hears the ringing.
/// The agent's seat is busy for the ACD meanwhile.</summary>
internal sealed class OutboundLegs(CallCenterSwitch owner)
{
    public async Task<DialOutcome> DialAsync(DialRequest request, string callerNumber, CancellationToken ct)
    {
        var trunk = owner.Options.OutboundTrunk ?? throw new InvalidOperationException("no outbound trunk is set up (CallCenterOptions.OutboundTrunk)");
        var agent = owner.Agent(request.AgentNo) ?? throw new ArgumentException($"no agent {request.AgentNo}", nameof(request));
        owner.Distributor.StartOutbound(agent.AgentNo, request.CallId);
        try
        {
            return await BridgeAsync(request, agent, trunk, callerNumber, ct);
        }
        finally
        {
            try { owner.Distributor.EndOutbound(agent.AgentNo, TimeSpan.Zero); }
            catch (InvalidOperationException) { } // logged out meanwhile (the phone's registration lapsed)
        }
    }

    private async Task<DialOutcome> BridgeAsync(DialRequest request, AgentProfile agent, SipUri trunk, string callerNumber, CancellationToken ct)
    {
        await using var agentMedia = owner.NewMediaSession();
        OutgoingCall agentLeg;
        try
        {
            agentLeg = owner.Sip.CallRegistered(agent.Extension, OfferAnswer.CreateOffer(agentMedia.LocalEndPoint).ToString());
            agentMedia.Apply(OfferAnswer.ReadAnswer(SessionDescription.Parse(await Ring(agentLeg, ct))));
        }
        catch (Exception e) when (e is SipCallFailedException or SdpFormatException or SdpNegotiationException or TimeoutException)
        {
            // The agent did not take it: nothing is written back, so the entry is dialled again later.
            return DialOutcome.Unanswered(DialResult.Failed, owner.Time.GetUtcNow());
        }

        await using var customerMedia = owner.NewMediaSession();
        var from = new NameAddress { Uri = SipUri.Create(callerNumber, trunk.Host, trunk.Port), Parameters = { ["tag"] = Guid.NewGuid().ToString("N")[..10] } };
        var customerLeg = owner.Sip.Call(SipUri.Create(request.Target.Phone, trunk.Host, trunk.Port),
            OfferAnswer.CreateOffer(customerMedia.LocalEndPoint).ToString(), from: from);
        try
        {
            customerMedia.Apply(OfferAnswer.ReadAnswer(SessionDescription.Parse(await Ring(customerLeg, ct))));
        }
        catch (Exception e) when (e is SipCallFailedException or SdpFormatException or SdpNegotiationException or TimeoutException)
        {
            if (e is TimeoutException) await customerLeg.CancelAsync();
            else if (e is not SipCallFailedException) await customerLeg.HangupAsync();
            await agentLeg.HangupAsync();
            return DialOutcome.Unanswered(e is SipCallFailedException failed ? ResultOf(failed.StatusCode) : DialResult.NoAnswer, owner.Time.GetUtcNow());
        }

        var answeredAt = owner.Time.GetUtcNow();
        using var recorder = new CallRecorder(owner.RecordingPath(request.CallId, "call"));
        using (new MediaBridge(owner.Clock, customerMedia, agentMedia, recorder))
            await Task.WhenAny(customerLeg.Ended, agentLeg.Ended, Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default));
        var endedAt = customerLeg.EndedAt ?? agentLeg.EndedAt ?? owner.Time.GetUtcNow();
        recorder.Complete();
        await customerLeg.HangupAsync();
        await agentLeg.HangupAsync();
        return new DialOutcome(DialResult.Answered, answeredAt, endedAt, recorder.Path);
    }

    private async Task<string> Ring(OutgoingCall leg, CancellationToken ct) =>
        await leg.Answered.WaitAsync(owner.Options.DialerRingTimeout, ct);

    private static DialResult ResultOf(int status) => status switch
    {
        486 or 600 or 603 => DialResult.Busy,
        408 or 480 or 487 => DialResult.NoAnswer,
        _ => DialResult.Failed,
    };
}

/// <summary>How a dialer call went on the wire: the answer and end times and the recording of an answered call.</summary>
public sealed record DialOutcome(DialResult Result, DateTimeOffset? AnsweredAt, DateTimeOffset EndedAt, string? RecordingFile)
{
    public static DialOutcome Unanswered(DialResult result, DateTimeOffset endedAt) => new(result, null, endedAt, null);
}
