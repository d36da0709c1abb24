using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip.Calls;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Carries out what the <see cref="CallDistributor"/> decides: rings an agent's registered phone (an outbound
/// INVITE with our SDP offer), cancels it when the ring stops, bridges and records the call when the agent answered,
/// takes the caller to voicemail after the queue's maximum wait, and reports answers, refusals and hang-ups back.</summary>
internal sealed class AgentLegs(CallCenterSwitch owner)
{
    private CallDistributor Acd => owner.Distributor;

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var e in Acd.Events.ReadAllAsync(stopping))
            {
                var call = e switch
                {
                    AgentRinging r => owner.Find(r.CallId),
                    AgentRingingStopped s => owner.Find(s.CallId),
                    CallConnected c => owner.Find(c.CallId),
                    CallSentToVoicemail v => owner.Find(v.CallId),
                    _ => null,
                };
                if (call is null) continue;
                switch (e)
                {
                    case AgentRinging ringing: Ring(call, ringing); break;
                    case AgentRingingStopped stopped: await StopRingingAsync(call, stopped.AgentNo); break;
                    case CallConnected connected: Connect(call, connected.AgentNo); break;
                    case CallSentToVoicemail: _ = VoicemailAsync(call); break;
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private void Ring(ActiveCall call, AgentRinging ringing)
    {
        var media = owner.NewMediaSession();
        OutgoingCall leg;
        try
        {
            leg = owner.Sip.CallRegistered(ringing.Extension, OfferAnswer.CreateOffer(media.LocalEndPoint).ToString());
        }
        catch (SipCallFailedException)
        {
            // The phone's registration lapsed since the agent was logged in: the ring times out like an unanswered one.
            _ = media.DisposeAsync();
            return;
        }
        call.AddAgent(new AgentPhoneLeg(ringing.AgentNo, leg, media));
        _ = PopScreenAsync(leg, ringing);
        _ = AwaitAnswerAsync(call, ringing.AgentNo, leg, media);
    }

    /// <summary>The agent's screen pops when the phone rings, or when it answers without ringing first (auto-answer
    /// phones, or a 180 that UDP delivered after the 200): either way the agent has the caller and needs the record.</summary>
    private async Task PopScreenAsync(OutgoingCall leg, AgentRinging ringing)
    {
        var first = await Task.WhenAny(leg.Ringing, leg.Answered);
        if (first == leg.Ringing || first.IsCompletedSuccessfully) owner.PublishScreenPop(ringing);
    }

    private async Task AwaitAnswerAsync(ActiveCall call, string agentNo, OutgoingCall leg, RtpSession media)
    {
        try
        {
            media.Apply(OfferAnswer.ReadAnswer(SessionDescription.Parse(await leg.Answered)));
        }
        catch (Exception e) when (e is SipCallFailedException or SdpFormatException or SdpNegotiationException)
        {
            if (e is not SipCallFailedException) await leg.HangupAsync();
            // Busy, refused or unusable: the next agent gets the call. A leg we cancelled is no longer ringing.
            if (call.RemoveAgent(agentNo) is not null) TryAcd(() => Acd.Decline(agentNo, call.CallId));
            await media.DisposeAsync();
            return;
        }
        if (call.Finished || !TryAcd(() => Acd.Answer(agentNo, call.CallId)))
        {
            // The caller left or another agent answered first while this phone was picking up.
            call.RemoveAgent(agentNo);
            await leg.HangupAsync();
            await media.DisposeAsync();
            return;
        }
        _ = leg.Ended.ContinueWith(_ => AgentEndedAsync(call), TaskScheduler.Default).Unwrap();
    }

    private static async Task StopRingingAsync(ActiveCall call, string agentNo)
    {
        if (call.RemoveAgent(agentNo) is not { } agent) return;
        await agent.Leg.CancelAsync();
        await agent.Media.DisposeAsync();
    }

    private void Connect(ActiveCall call, string agentNo)
    {
        if (call.Agent(agentNo) is not { } agent) return;
        call.Hold.Cancel();
        call.ConnectedAgentNo = agentNo;
        call.Recorder = new CallRecorder(owner.RecordingPath(call.CallId, "call"));
        call.Bridge = new MediaBridge(owner.Clock, call.Media, agent.Media, call.Recorder);
        TryAcd(() => Acd.AttachRecording(call.CallId, call.Recorder.Path));
    }

    /// <summary>The agent hung up a connected call: the caller's leg is ended too.</summary>
    private async Task AgentEndedAsync(ActiveCall call)
    {
        if (!call.TryFinish()) return;
        call.Recorder?.Complete();
        await Acd.AgentHungUpAsync(call.CallId);
        await call.Leg.HangupAsync();
    }

    /// <summary>The caller waited the queue's maximum: they may leave a message, which is kept like any voicemail.</summary>
    private async Task VoicemailAsync(ActiveCall call)
    {
        if (!call.TryFinish()) return;
        call.VoicemailStarted();
        call.Hold.Cancel();
        try
        {
            var path = owner.RecordingPath(call.CallId, "voicemail");
            try
            {
                await owner.Player.PlayAsync(call.Media, owner.Options.Prompts.Get(PromptNames.LeaveMessage), bargeIn: false, call.Gone);
                var message = await owner.Recorder.RecordAsync(call.Media, path, new VoicemailOptions { MaxLength = owner.Options.QueueVoicemailLength }, call.Gone);
                await owner.Ports.Voicemail.SaveAsync(new VoicemailMessage(call.CallId, call.Caller, owner.Time.GetUtcNow(), message.Path, message.Length, IsComplaint: false));
                TryAcd(() => Acd.AttachRecording(call.CallId, message.Path));
            }
            catch (OperationCanceledException) when (call.Gone.IsCancellationRequested) { }
            await call.Leg.HangupAsync();
            await Acd.CallerHungUpAsync(call.CallId);
        }
        finally { call.VoicemailStored(); }
    }

    /// <summary>The distributor refuses a change that a race made stale (the call already left, another agent
    /// answered); that is an expected outcome here, not a fault.</summary>
    private static bool TryAcd(Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
