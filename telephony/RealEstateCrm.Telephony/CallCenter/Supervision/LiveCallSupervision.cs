using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip.Calls;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Puts a supervisor's phone on an agent's bridged call: either the phone dialled a feature code
/// (<see cref="SupervisionFeatureCode"/>) or the switch rings it for the web's live-calls page. The
/// <see cref="SupervisionPolicy"/> decides first; the bridge mixes the audio (listen: both sides to the supervisor;
/// whisper: the supervisor to the agent as well, never to the caller). One supervisor per call: the bridge mixes one.</summary>
internal sealed class LiveCallSupervision(CallCenterSwitch owner)
{
    public SupervisionBoard Board { get; } = new(SupervisionPolicy.Default, owner.Time);

    public async Task AnswerFeatureCodeAsync(IncomingCall leg, SupervisionMode mode, string agentExtension)
    {
        var phone = leg.Caller.Uri.User ?? "";
        // Only a phone registered as that extension, calling from where it registered, is taken for its user.
        var registered = owner.Sip.Registrar?.Lookup(phone).Any(b => b.Peer == leg.Peer) == true;
        var who = registered && owner.Ports.Supervisors is { } directory ? await directory.ByExtensionAsync(phone, owner.Stopping) : null;
        if (who is null)
        {
            await leg.RejectAsync(403, "Forbidden (supervision only from a registered supervisor's phone)");
            return;
        }
        if (owner.AgentByExtension(agentExtension) is not { } agent || owner.CallOfAgent(agent.AgentNo) is not { } call)
        {
            await leg.RejectAsync(404, $"Not Found (no agent call at extension {agentExtension})");
            return;
        }
        if (JoinOrRefuse(who, call, agent, mode) is { } refusal)
        {
            await leg.RejectAsync(refusal.Status, refusal.Reason);
            return;
        }
        if (leg.OfferSdp is null)
        {
            Board.Leave(who.UserName, call.CallId);
            await leg.RejectAsync(488, "Not Acceptable Here (the INVITE carries no SDP offer)");
            return;
        }
        var media = owner.NewMediaSession();
        try
        {
            var (sdp, negotiated) = OfferAnswer.Answer(SessionDescription.Parse(leg.OfferSdp), media.LocalEndPoint);
            media.Apply(negotiated);
            var supervisor = new SupervisorLeg(leg, media, who.UserName);
            if (!call.TryAttachSupervisor(supervisor))
            {
                Board.Leave(who.UserName, call.CallId);
                await media.DisposeAsync();
                await leg.RejectAsync(486, "Busy Here (another supervisor is on this call)");
                return;
            }
            await leg.AnswerAsync(sdp.ToString());
            Attach(call, supervisor, mode);
        }
        catch (Exception e) when (e is SdpFormatException or SdpNegotiationException)
        {
            Board.Leave(who.UserName, call.CallId);
            await media.DisposeAsync();
            await leg.RejectAsync(488, $"Not Acceptable Here ({e.Message.ReplaceLineEndings(" ")})");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Cancelled before our answer, or no ACK: the leg has ended, and so does the supervision.
            await DetachAsync(call, new SupervisorLeg(leg, media, who.UserName));
        }
    }

    /// <summary>Rings <paramref name="supervisorExtension"/> and joins it to the call when answered. Returns once it rings.</summary>
    /// <exception cref="UnauthorizedAccessException">The policy refuses; the message says why.</exception>
    /// <exception cref="ArgumentException">No such live call.</exception>
    /// <exception cref="InvalidOperationException">Another supervisor is on the call, or the phone is not registered.</exception>
    public SupervisionSession Ring(Supervisor who, string supervisorExtension, string callId, SupervisionMode mode)
    {
        if (owner.Find(callId) is not { ConnectedAgentNo: { } agentNo } call || call.Finished || owner.Agent(agentNo) is not { } agent)
            throw new ArgumentException($"no live call {callId}", nameof(callId));
        if (JoinOrRefuse(who, call, agent, mode) is { } refusal)
        {
            if (refusal.Status == 403) throw new UnauthorizedAccessException(refusal.Reason);
            throw new InvalidOperationException(refusal.Reason);
        }
        var session = Board.On(callId).Single(s => s.Supervisor == who.UserName);
        var media = owner.NewMediaSession();
        OutgoingCall leg;
        try
        {
            leg = owner.Sip.CallRegistered(supervisorExtension, OfferAnswer.CreateOffer(media.LocalEndPoint).ToString());
        }
        catch (SipCallFailedException e)
        {
            Board.Leave(who.UserName, callId);
            _ = media.DisposeAsync();
            throw new InvalidOperationException($"phone {supervisorExtension}: {e.Message}", e);
        }
        _ = JoinWhenAnsweredAsync(call, new SupervisorLeg(leg, media, who.UserName), leg, mode);
        return session;
    }

    private async Task JoinWhenAnsweredAsync(ActiveCall call, SupervisorLeg supervisor, OutgoingCall leg, SupervisionMode mode)
    {
        try
        {
            supervisor.Media.Apply(OfferAnswer.ReadAnswer(SessionDescription.Parse(await leg.Answered)));
        }
        catch (Exception e) when (e is SipCallFailedException or SdpFormatException or SdpNegotiationException)
        {
            if (e is not SipCallFailedException) await leg.HangupAsync();
            Board.Leave(supervisor.Supervisor, call.CallId);
            await supervisor.Media.DisposeAsync();
            return;
        }
        if (call.Finished || !call.TryAttachSupervisor(supervisor))
        {
            await leg.HangupAsync();
            await DetachAsync(call, supervisor);
            return;
        }
        Attach(call, supervisor, mode);
    }

    /// <summary>The policy's answer (403), or a call that already has a supervisor (486); null when the session has started.</summary>
    private (int Status, string Reason)? JoinOrRefuse(Supervisor who, ActiveCall call, AgentProfile agent, SupervisionMode mode)
    {
        if (mode == SupervisionMode.Barge) return (403, "Forbidden (barge-in is not offered: the bridge mixes listen-in and whisper)");
        if (Board.On(call.CallId).Any(s => s.Supervisor != who.UserName)) return (486, "Busy Here (another supervisor is on this call)");
        try
        {
            Board.Join(who, call.CallId, agent.AgentNo, agent.Department, mode);
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            return (403, $"Forbidden ({e.Message})");
        }
    }

    private void Attach(ActiveCall call, SupervisorLeg supervisor, SupervisionMode mode)
    {
        _ = supervisor.Leg.Ended.ContinueWith(_ => DetachAsync(call, supervisor), TaskScheduler.Default).Unwrap();
        if (call.Bridge is { } bridge && !call.Finished)
            bridge.Supervise(supervisor.Media, mode == SupervisionMode.Whisper ? Supervision.Whisper : Supervision.ListenIn);
        else _ = supervisor.Leg.HangupAsync();
    }

    /// <summary>The supervisor hung up, or the call ended (which hangs the supervisor's leg up).</summary>
    private async Task DetachAsync(ActiveCall call, SupervisorLeg supervisor)
    {
        if (call.DetachSupervisor(supervisor)) call.Bridge?.StopSupervision();
        Board.Leave(supervisor.Supervisor, call.CallId);
        await supervisor.Media.DisposeAsync();
    }
}

/// <summary>A supervisor's SIP leg on a call and its RTP session.</summary>
internal sealed record SupervisorLeg(SipCall Leg, RtpSession Media, string Supervisor);
