namespace RealEstateCrm.Telephony.Media;

/// <summary>What a receiver saw of one source, as RFC 3550 appendix A.1/A.8 counts it: extended sequence
/// numbers across wrap-around, expected vs received, reordered and duplicate packets, interarrival jitter.
/// Not thread-safe: one receive loop feeds it; readers take a <see cref="Snapshot"/>.</summary>
public sealed class ReceiveStatistics
{
    private const int MaxDropout = 3000, MaxMisorder = 100, DuplicateWindow = 1024;
    private readonly long[] _seen = new long[DuplicateWindow];
    private bool _started;
    private uint _baseSequence, _maxSequence, _cycles;
    private long _received, _reordered, _duplicates, _expectedPrior, _receivedPrior;
    private double _jitter;
    private long _previousTransit;
    private bool _haveTransit;

    public uint? Ssrc { get; private set; }

    /// <summary>Counts one packet. Jitter is only updated for packets whose timestamp advances with the audio
    /// clock (<paramref name="timedAudio"/>): RFC 4733 events repeat one timestamp and would fake jitter.</summary>
    public void Record(ushort sequence, uint rtpTimestamp, uint ssrc, long arrivalInClockUnits, bool timedAudio = true)
    {
        if (!_started || Ssrc != ssrc) Restart(sequence, ssrc);
        var highest = (long)_cycles + _maxSequence;
        var delta = (ushort)(sequence - _maxSequence);
        long extended;
        var late = false;
        if (delta < MaxDropout) extended = highest + delta;
        else if (delta > 65536 - MaxMisorder)
        {
            extended = highest - (65536 - delta);
            late = true;
        }
        else
        {
            // A jump too large to be loss: the source restarted its numbering.
            Restart(sequence, ssrc);
            extended = sequence;
        }
        if (extended < _baseSequence) return;
        if (_seen[extended % DuplicateWindow] == extended) { _duplicates++; return; }
        _seen[extended % DuplicateWindow] = extended;
        _received++;
        if (late) _reordered++;
        else
        {
            _cycles = (uint)(extended >> 16) << 16;
            _maxSequence = (ushort)extended;
        }

        if (!timedAudio) return;
        var transit = arrivalInClockUnits - rtpTimestamp;
        if (_haveTransit) _jitter += (Math.Abs(transit - _previousTransit) - _jitter) / 16;
        _previousTransit = transit;
        _haveTransit = true;
    }

    private void Restart(ushort sequence, uint ssrc)
    {
        Array.Fill(_seen, -1);
        _started = true;
        Ssrc = ssrc;
        _baseSequence = _maxSequence = sequence;
        _cycles = 0;
        _received = _reordered = _duplicates = _expectedPrior = _receivedPrior = 0;
        _jitter = 0;
        _haveTransit = false;
    }

    public long Received => _received;
    public long Expected => _started ? (long)(_cycles + _maxSequence) - _baseSequence + 1 : 0;
    public long Lost => Math.Max(0, Expected - _received);
    public long Reordered => _reordered;
    public long Duplicates => _duplicates;
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Interarrival jitter in timestamp units.</summary>
    public double Jitter => _jitter;

    public ReceiveSnapshot Snapshot() => new(Received, Expected, Lost, Reordered, Duplicates,
        TimeSpan.FromSeconds(_jitter / AudioCodec.ClockRate));

    /// <summary>The report block for an RTCP SR/RR: fraction lost since the last call, cumulative loss, jitter.</summary>
    public ReceptionReport NextReport(uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        var expected = Expected;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (double)lostInterval / expectedInterval;
        return new ReceptionReport(Ssrc ?? 0, fraction, (int)Math.Min(expected - _received, int.MaxValue),
            ExtendedHighestSequence, (uint)_jitter, lastSenderReport, delaySinceLastSenderReport);
    }
}

/// <summary>A copy of the receive statistics at one moment.</summary>
public readonly record struct ReceiveSnapshot(long Received, long Expected, long Lost, long Reordered, long Duplicates, TimeSpan Jitter)
{
    public double LossRatio => Expected == 0 ? 0 : (double)Lost / Expected;
}
