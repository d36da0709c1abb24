namespace RealEstateCrm.Telephony.Media;

/// <summary>Plays prompts into an RTP session, one 20 ms frame per <see cref="MediaClock"/> tick. With barge-in a
/// digit from the caller stops the playback at once and is returned (taken from <see cref="RtpSession.Digits"/>,
/// so a digit typed before the prompt started counts too: callers who know the menu need not wait).</summary>
public sealed class PromptPlayer(MediaClock clock)
{
    public async Task<PlaybackResult> PlayAsync(RtpSession session, IEnumerable<Prompt> prompts, bool bargeIn = true, CancellationToken cancellationToken = default)
    {
        var queue = prompts.ToList();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var frame = new short[MediaClock.SamplesPerFrame];
        int index = 0, offset = 0;
        long played = 0;
        using var subscription = clock.Subscribe(_ =>
        {
            // Frames run across prompt boundaries, so a sequence plays as one stream without gaps.
            var filled = 0;
            while (filled < frame.Length && index < queue.Count)
            {
                var samples = queue[index].Samples;
                var count = Math.Min(frame.Length - filled, samples.Length - offset);
                Array.Copy(samples, offset, frame, filled, count);
                filled += count;
                offset += count;
                if (offset < samples.Length) continue;
                index++;
                offset = 0;
            }
            if (filled == 0)
            {
                finished.TrySetResult();
                return;
            }
            session.Send(frame.AsSpan(0, filled));
            Interlocked.Add(ref played, filled);
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
        return new PlaybackResult(pressed, TimeSpan.FromSeconds((double)Interlocked.Read(ref played) / AudioCodec.ClockRate));
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
