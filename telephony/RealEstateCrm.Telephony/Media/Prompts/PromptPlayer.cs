namespace RealEstateCrm.Telephony.Media;

/// <summary>Plays prompts into an RTP session, one 20 ms frame per <see cref="MediaClock"/> tick. With barge-in a
/// digit from the caller stops the playback at once and is returned (taken from <see cref="RtpSession.Digits"/>,
/// so a digit typed before the prompt started counts too: callers who know the menu need not wait).</summary>
public sealed class PromptPlayer(MediaClock clock)
{
    public async Task<PlaybackResult> PlayAsync(RtpSession session, IEnumerable<Prompt> prompts, bool bargeIn = true, CancellationToken cancellationToken = default)
    {
        var samples = prompts.SelectMany(p => p.Samples).ToArray();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var position = 0;
        using var subscription = clock.Subscribe(_ =>
        {
            if (position >= samples.Length)
            {
                finished.TrySetResult();
                return;
            }
            var length = Math.Min(MediaClock.SamplesPerFrame, samples.Length - position);
            session.Send(samples.AsSpan(position, length));
            position += length;
        });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var cancelled = Task.Delay(Timeout.Infinite, stop.Token);
        var digit = bargeIn ? WaitForDigitAsync(session, stop.Token) : null;
        await Task.WhenAny(digit is null ? [finished.Task, cancelled] : [finished.Task, cancelled, digit]).ConfigureAwait(false);
        subscription.Dispose();
        stop.Cancel();
        // A digit taken from the channel just as the prompt ended is still the caller's answer: never drop it.
        var pressed = digit is null ? null : await digit.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new PlaybackResult(pressed, TimeSpan.FromSeconds((double)Volatile.Read(ref position) / AudioCodec.ClockRate));
    }

    public Task<PlaybackResult> PlayAsync(RtpSession session, Prompt prompt, bool bargeIn = true, CancellationToken cancellationToken = default) =>
        PlayAsync(session, [prompt], bargeIn, cancellationToken);

    private static async Task<char?> WaitForDigitAsync(RtpSession session, CancellationToken cancellationToken)
    {
        try
        {
            while (await session.Digits.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                if (session.Digits.TryRead(out var digit)) return digit;
        }
        catch (OperationCanceledException) { }
        return null;
    }
}
