namespace RealEstateCrm.Telephony.Media;

/// <summary>Records a caller's message: plays the beep, drops whatever the caller said before it ended, then writes
/// each received frame until the stop digit, a silence timeout, the maximum length or hang-up (the token of
/// <see cref="RecordAsync"/>), and finishes the file in every case. A hang-up during the beep leaves no file and
/// throws <see cref="OperationCanceledException"/>.</summary>
public sealed class VoicemailRecorder(MediaClock clock, PromptPlayer player)
{
    public async Task<VoicemailResult> RecordAsync(RtpSession caller, string path, VoicemailOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VoicemailOptions();
        await player.PlayAsync(caller, Prompt.Beep, bargeIn: false, cancellationToken).ConfigureAwait(false);
        caller.DiscardReceivedAudio();
        while (caller.Digits.TryRead(out _)) { }

        using var writer = new WavWriter(path, options.Encoding);
        var ended = new TaskCompletionSource<VoicemailEnd>(TaskCreationOptions.RunContinuationsAsynchronously);
        var silentTicks = 0L;
        var maxTicks = options.MaxLength.Ticks / MediaClock.FrameDuration.Ticks;
        var silenceTicks = options.SilenceTimeout.Ticks / MediaClock.FrameDuration.Ticks;
        var ticks = 0L;
        var gate = new object();

        void OnTick(long _)
        {
            lock (gate)
            {
                if (ended.Task.IsCompleted) return;
                var heard = false;
                while (caller.TryReadFrame(out var frame))
                {
                    writer.Write(frame.Samples);
                    heard |= AudioMath.Rms(frame.Samples) >= options.SilenceLevel;
                }
                silentTicks = heard ? 0 : silentTicks + 1;
                ticks++;
                if (silentTicks >= silenceTicks) ended.TrySetResult(VoicemailEnd.Silence);
                else if (ticks >= maxTicks) ended.TrySetResult(VoicemailEnd.MaxLength);
            }
        }

        using (clock.Subscribe(OnTick))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var stopDigit = WaitForDigitAsync(caller, options.StopDigit, stop.Token);
            await Task.WhenAny(ended.Task, stopDigit, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
            stop.Cancel();
            lock (gate)
            {
                ended.TrySetResult(cancellationToken.IsCancellationRequested ? VoicemailEnd.Hangup : VoicemailEnd.StopDigit);
                writer.Complete();
            }
        }
        var end = await ended.Task.ConfigureAwait(false);
        return new VoicemailResult(path, TimeSpan.FromSeconds((double)writer.FrameCount / AudioCodec.ClockRate), end);
    }

    /// <summary>Completes when the stop digit arrives; other digits are ignored, as is the session closing.</summary>
    private static async Task WaitForDigitAsync(RtpSession caller, char stopDigit, CancellationToken cancellationToken)
    {
        await foreach (var digit in caller.Digits.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            if (digit == stopDigit) return;
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    }
}
