namespace RealEstateCrm.Telephony.Media;

/// <summary>Records a bridged call to a stereo PCM16 WAV, 8 kHz: the caller on the left channel, the agent on the
/// right, one 20 ms frame of each per clock tick (silence for a side that sent nothing), so the two stay in step.
/// The file appears under its name only when <see cref="Complete"/> ran (see <see cref="WavWriter"/>); completing
/// it while the bridge still runs stops the recording and the call goes on.</summary>
public sealed class CallRecorder(string path) : IDisposable
{
    private readonly WavWriter _writer = new(path, WavEncoding.Pcm16, channels: 2);
    private readonly object _gate = new();
    private readonly short[] _interleaved = new short[2 * MediaClock.SamplesPerFrame];
    private bool _stopped;

    public string Path => _writer.Path;
    public TimeSpan Length => TimeSpan.FromSeconds((double)_writer.FrameCount / AudioCodec.ClockRate);

    /// <summary>Appends one tick: the caller's and the agent's frame (null = silence).</summary>
    public void Write(short[]? caller, short[]? agent)
    {
        lock (_gate)
        {
            if (_stopped) return;
            for (var i = 0; i < MediaClock.SamplesPerFrame; i++)
            {
                _interleaved[2 * i] = caller is not null && i < caller.Length ? caller[i] : (short)0;
                _interleaved[2 * i + 1] = agent is not null && i < agent.Length ? agent[i] : (short)0;
            }
            _writer.Write(_interleaved);
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _stopped = true;
            _writer.Complete();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _writer.Dispose();
        }
    }
}
