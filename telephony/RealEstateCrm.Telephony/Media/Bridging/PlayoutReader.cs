namespace RealEstateCrm.Telephony.Media;

/// <summary>Reads one frame per clock tick from a session with a playout delay of one frame: reading starts once two
/// frames wait, so a packet arriving a little before or after the tick boundary still comes out in its own tick
/// instead of leaving a gap of silence followed by a backlog. After a real gap (the queue ran dry) it primes again.</summary>
internal sealed class PlayoutReader(RtpSession session)
{
    private const int PrimeFrames = 2;
    private bool _primed;

    public AudioFrame? Next()
    {
        if (!_primed)
        {
            if (session.QueuedFrames < PrimeFrames) return null;
            _primed = true;
        }
        if (session.TryReadFrame(out var frame)) return frame;
        _primed = false;
        return null;
    }
}
