using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Walks one caller through the IVR: plays what the <see cref="IvrSession"/> asks for, feeds it the caller's
/// RFC 4733 (and SIP INFO) digits and the end of each playback, records voicemails. Returns the queue the caller chose,
/// or null when the call ended in the IVR (its CDR then written here).</summary>
internal sealed class IvrConversation(CallCenterSwitch owner, ActiveCall call)
{
    private readonly PromptLibrary _prompts = owner.Options.Prompts;
    private CancellationTokenSource? _playback;
    private CancellationTokenSource? _digits;

    public async Task<TransferToQueue?> RunAsync()
    {
        using var ivr = new IvrSession(owner.Options.Menu, call.CallId, call.Caller, owner.Ports.WorkOrders, owner.Ports.Voicemail, owner.Time);
        void OnInfoDigit(Sip.Calls.SipCall _, char digit) => ivr.KeyAsync(digit);
        call.Leg.DtmfReceived += OnInfoDigit;
        StartDigitPump(ivr);
        await ivr.StartAsync(call.Gone);
        IvrAction? last = null;
        try
        {
            await foreach (var action in ivr.Actions.ReadAllAsync(call.Gone))
            {
                last = action;
                switch (action)
                {
                    case PlayPrompts play: Play(ivr, play.Sequence, play.Prompts.Select(_prompts.Get)); break;
                    case AnnounceWorkOrders announce: Play(ivr, announce.Sequence, WorkOrderPrompts(announce)); break;
                    case RecordVoicemail record: await RecordAsync(ivr, record); break;
                }
            }
        }
        catch (OperationCanceledException) when (call.Gone.IsCancellationRequested) { }
        finally
        {
            call.Leg.DtmfReceived -= OnInfoDigit;
            _playback?.Cancel();
            _digits?.Cancel();
        }

        if (last is TransferToQueue transfer && !call.Gone.IsCancellationRequested) return transfer;
        ivr.CallerHungUp();
        if (last is HangUp) await call.Leg.HangupAsync();
        if (call.TryFinish()) await owner.Ports.Cdrs.WriteAsync(ivr.IvrOnlyDetail(call.Callee, call.StartedAt));
        return null;
    }

    private IEnumerable<Prompt> WorkOrderPrompts(AnnounceWorkOrders announce) =>
        announce.Prompts.Select(_prompts.Get).Concat(announce.Orders.SelectMany(order =>
            new[] { _prompts.Get(PromptNames.WorkOrderStatus) }.Concat(_prompts.Digits(order.Number))));

    /// <summary>A new playback replaces the current one (a key moved the caller on); its end is reported with its sequence.</summary>
    private void Play(IvrSession ivr, int sequence, IEnumerable<Prompt> prompts)
    {
        _playback?.Cancel();
        var stop = _playback = CancellationTokenSource.CreateLinkedTokenSource(call.Gone);
        var list = prompts.ToList();
        _ = Task.Run(async () =>
        {
            try
            {
                // Digits are the pump's business, so playback never swallows one.
                await owner.Player.PlayAsync(call.Media, list, bargeIn: false, stop.Token);
                await ivr.PromptFinishedAsync(sequence, call.Gone);
            }
            catch (OperationCanceledException) { }
        });
    }

    private void StartDigitPump(IvrSession ivr)
    {
        var stop = _digits = CancellationTokenSource.CreateLinkedTokenSource(call.Gone);
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var digit in call.Media.Digits.ReadAllAsync(stop.Token)) await ivr.KeyAsync(digit, call.Gone);
            }
            catch (OperationCanceledException) { }
        });
    }

    /// <summary>The recorder reads the caller's digits itself (# ends the message), so the pump pauses meanwhile.</summary>
    private async Task RecordAsync(IvrSession ivr, RecordVoicemail record)
    {
        _playback?.Cancel();
        _digits?.Cancel();
        var path = owner.RecordingPath(call.CallId, "voicemail");
        try
        {
            var result = await owner.Recorder.RecordAsync(call.Media, path, new VoicemailOptions { MaxLength = record.MaxDuration }, call.Gone);
            await ivr.RecordingFinishedAsync(result.Path, result.Length, CancellationToken.None);
        }
        catch (OperationCanceledException) when (call.Gone.IsCancellationRequested)
        {
            // Hung up during the beep: no message was left.
            return;
        }
        if (!call.Gone.IsCancellationRequested) StartDigitPump(ivr);
    }
}
