using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip.Calls;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>A caller's INVITE from arrival (the stack has sent 100 and 180) to the queue: refuses numbers we do not serve (404) and offers we cannot
/// speak (488), answers with our SDP, runs the IVR (unless the number goes straight to a queue), enqueues the call
/// and plays hold prompts until an agent answers, the call goes to voicemail or the caller hangs up.</summary>
internal sealed class InboundCallFlow(CallCenterSwitch owner, IncomingCall leg)
{
    public async Task RunAsync(Action<ActiveCall> held, Action<ActiveCall> released)
    {
        // The call starts when its INVITE arrived, not when this flow got its turn on a busy switch.
        var startedAt = leg.ReceivedAt;
        var number = leg.RequestUri.User ?? "";
        var direct = owner.Options.DirectNumbers.GetValueOrDefault(number);
        if (SupervisionFeatureCode.TryParse(number, out var mode, out var agentExtension))
        {
            await owner.LiveSupervision.AnswerFeatureCodeAsync(leg, mode, agentExtension);
            return;
        }
        if (!owner.Options.Serves(number))
        {
            await leg.RejectAsync(404, $"Not Found (no IVR or queue answers {number})");
            return;
        }
        if (leg.OfferSdp is null)
        {
            await leg.RejectAsync(488, "Not Acceptable Here (the INVITE carries no SDP offer)");
            return;
        }

        // The stack rang already (RingsAtOnce): the RTP sockets are bound while the caller hears progress.
        var media = owner.NewMediaSession();
        string answer;
        try
        {
            var (sdp, negotiated) = OfferAnswer.Answer(SessionDescription.Parse(leg.OfferSdp), media.LocalEndPoint);
            media.Apply(negotiated);
            answer = sdp.ToString();
        }
        catch (Exception e) when (e is SdpFormatException or SdpNegotiationException)
        {
            await media.DisposeAsync();
            await leg.RejectAsync(488, $"Not Acceptable Here ({e.Message.ReplaceLineEndings(" ")})");
            return;
        }

        var call = new ActiveCall(leg, media, startedAt);
        held(call);
        _ = leg.Ended.ContinueWith(_ => CallerEndedAsync(call, released), TaskScheduler.Default).Unwrap();
        try
        {
            await leg.AnswerAsync(answer);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return; // cancelled before our answer, or no ACK: the leg has ended and CallerEndedAsync tidies up
        }

        var transfer = direct is null ? await new IvrConversation(owner, call).RunAsync() : new TransferToQueue(direct, "");
        if (transfer is null) return;
        await owner.Distributor.EnqueueAsync(new InboundCall(call.CallId, call.Caller, call.Callee, transfer.Queue, startedAt,
            transfer.IvrPath.Length == 0 ? null : transfer.IvrPath));
        call.MarkQueued();
        // The caller may have hung up while the call was being queued, before the hang-up could count as an abandon.
        if (call.Gone.IsCancellationRequested && call.TryFinish()) await owner.Distributor.CallerHungUpAsync(call.CallId, CallerEndedAt(call));
        await HoldAsync(call);
    }

    private async Task HoldAsync(ActiveCall call)
    {
        IReadOnlyList<Prompt> music = [owner.Options.Prompts.Get(PromptNames.PleaseHold), Prompt.Silence(TimeSpan.FromSeconds(3))];
        try
        {
            while (!call.Hold.IsCancellationRequested) await owner.Player.PlayAsync(call.Media, music, bargeIn: false, call.Hold.Token);
        }
        catch (OperationCanceledException) { }
    }

    private DateTimeOffset CallerEndedAt(ActiveCall call) => call.Leg.EndedAt ?? owner.Time.GetUtcNow();

    /// <summary>The caller's leg ended (their BYE or CANCEL, or ours): a queued call is an abandon or the end of the
    /// talk, unless the agent's hang-up or the voicemail already closed it. Then the call's media is released.</summary>
    private async Task CallerEndedAsync(ActiveCall call, Action<ActiveCall> released)
    {
        call.CallerGone();
        if (call.Queued && call.TryFinish())
        {
            await owner.Distributor.CallerHungUpAsync(call.CallId, CallerEndedAt(call));
            // Not left to the distributor's ring-stopped events, which may come after the call is released: a ringing
            // phone gets CANCEL, a connected one BYE (each call is a no-op in the other state).
            foreach (var agent in call.AgentLegs())
            {
                await agent.Leg.CancelAsync();
                await agent.Leg.HangupAsync();
            }
        }
        owner.LiveSupervision.Board.CallEnded(call.CallId);
        await call.WhenVoicemailDone;
        released(call);
        await call.ReleaseMediaAsync();
    }
}
