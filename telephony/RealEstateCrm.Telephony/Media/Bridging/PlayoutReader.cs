namespace RealEstateCrm.Telephony.Media;

/// <summary>Reads a session's received frames at the pace of the clock with a playout delay of one frame: reading
/// starts once two frames wait, so a packet arriving a little before or after the tick boundary still comes out in
/// its own tick instead of leaving a gap of silence followed by a backlog. After a real gap (the queue ran dry) it
/// primes again. A backlog beyond the delay (a burst after a stall of the sender, the network or this machine) is
/// offered through <see cref="Backlog"/> so the bridge catches up instead of carrying the delay for the rest of the call.</summary>
internal sealed class PlayoutReader(RtpSession session)
{
    private const int PrimeFrames = 2;
    private bool _primed;
    private int _waited;

    /// <summary>This tick's frame, or null while priming or after the queue ran dry.</summary>
    public AudioFrame? Next()
    {
        if (!_primed)
        {
            var queued = session.QueuedFrames;
            // A lone frame (the end of a talk spurt) waits one tick at most, never for a successor that may not come.
            _waited = queued > 0 ? _waited + 1 : 0;
            if (queued < PrimeFrames && _waited < PrimeFrames) return null;
            _primed = true;
            _waited = 0;
        }
        if (session.TryReadFrame(out var frame)) return frame;
        _primed = false;
        return null;
    }

    /// <summary>A further frame, if more than the playout delay is queued.</summary>
    public AudioFrame? Backlog() => _primed && session.QueuedFrames >= PrimeFrames && session.TryReadFrame(out var frame) ? frame : null;
}
