using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>A caller's phone on PCMU and an agent's phone on PCMA, each on its own leg to us, bridged; the phones
/// play tones (caller 440 Hz, agent 1000 Hz, supervisor 700 Hz) so each side's ears can be checked by frequency.</summary>
public sealed class MediaBridgeTests : IAsyncDisposable
{
    private const double Caller = 440, Agent = 1000, Supervisor = 700, Heard = 1500, Absent = 150;
    private readonly MediaTestBed _bed = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-bridge-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _bed.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Caller_and_agent_hear_each_other_across_codecs_and_the_recording_has_each_on_its_channel()
    {
        var (callerPhone, callerLeg) = _bed.Call([AudioCodec.Pcmu]);
        var (agentLeg, agentPhone) = _bed.Call([AudioCodec.Pcma]);
        var callerEars = _bed.Collect(callerPhone);
        var agentEars = _bed.Collect(agentPhone);
        var path = Path.Combine(_folder, "call.wav");
        using var recorder = new CallRecorder(path);

        using (new MediaBridge(_bed.Clock, callerLeg, agentLeg, recorder))
            await Task.WhenAll(
                _bed.Player.PlayAsync(callerPhone, MediaTestBed.Tone(Caller, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct),
                _bed.Player.PlayAsync(agentPhone, MediaTestBed.Tone(Agent, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct));
        recorder.Complete();

        Assert.True(agentEars.ToneLevel(Caller) > Heard);
        Assert.True(agentEars.ToneLevel(Agent) < Absent);
        Assert.True(callerEars.ToneLevel(Agent) > Heard);
        Assert.True(callerEars.ToneLevel(Caller) < Absent);
        Assert.Equal(AudioCodec.Pcma, agentPhone.Codec);
        Assert.InRange(agentLeg.TranscodedFrames, 45, 51);
        Assert.InRange(callerLeg.TranscodedFrames, 45, 51);

        var wav = WavFile.Read(path);
        Assert.Equal((2, 8000, WavEncoding.Pcm16), (wav.Channels, wav.SampleRate, wav.Encoding));
        var left = wav.ChannelSamples(0);
        var right = wav.ChannelSamples(1);
        Assert.True(AudioMath.ToneLevel(left, Caller) > Heard && AudioMath.ToneLevel(left, Agent) < Absent, "left is the caller");
        Assert.True(AudioMath.ToneLevel(right, Agent) > Heard && AudioMath.ToneLevel(right, Caller) < Absent, "right is the agent");
        // Ticks in which no frame had arrived are written as silence (on a loaded machine there are a few);
        // without them the channel is the sent signal, delayed.
        var correlation = Correlation(WithoutSilentTicks(left), AudioMath.Tone(Caller, TimeSpan.FromSeconds(1)));
        Assert.True(correlation > 0.95, $"the caller's channel is the signal sent (correlation {correlation:F3})");
    }

    [Fact]
    public async Task Same_codec_legs_relay_the_payload_untouched()
    {
        var (callerPhone, callerLeg) = _bed.Call([AudioCodec.Pcma]);
        var (agentLeg, agentPhone) = _bed.Call([AudioCodec.Pcma]);
        var agentEars = _bed.Collect(agentPhone);
        var tone = MediaTestBed.Tone(Caller, TimeSpan.FromMilliseconds(600));

        using (new MediaBridge(_bed.Clock, callerLeg, agentLeg))
        {
            await _bed.Player.PlayAsync(callerPhone, tone, bargeIn: false, cancellationToken: Ct);
            await Eventually.True(() => agentEars.Samples.Length >= tone.Samples.Length);
        }

        Assert.Equal(0, agentLeg.TranscodedFrames);
        Assert.Equal(AudioCodec.Pcma.Decode(AudioCodec.Pcma.Encode(tone.Samples)), agentEars.Samples);
    }

    [Fact]
    public async Task A_supervisor_listening_in_hears_both_sides_and_nobody_hears_the_supervisor()
    {
        var (callerPhone, callerLeg, agentPhone, agentLeg, supervisorPhone, supervisorLeg) = ThreeParties();
        var (callerEars, agentEars, supervisorEars) = (_bed.Collect(callerPhone), _bed.Collect(agentPhone), _bed.Collect(supervisorPhone));

        using (var bridge = new MediaBridge(_bed.Clock, callerLeg, agentLeg))
        {
            bridge.Supervise(supervisorLeg, Supervision.ListenIn);
            await TalkAllAsync(callerPhone, agentPhone, supervisorPhone);
        }

        Assert.True(supervisorEars.ToneLevel(Caller) > Heard);
        Assert.True(supervisorEars.ToneLevel(Agent) > Heard);
        Assert.True(agentEars.ToneLevel(Supervisor) < Absent);
        Assert.True(callerEars.ToneLevel(Supervisor) < Absent);
    }

    [Fact]
    public async Task A_whispering_supervisor_is_heard_by_the_agent_only()
    {
        var (callerPhone, callerLeg, agentPhone, agentLeg, supervisorPhone, supervisorLeg) = ThreeParties();
        var (callerEars, agentEars, supervisorEars) = (_bed.Collect(callerPhone), _bed.Collect(agentPhone), _bed.Collect(supervisorPhone));

        using (var bridge = new MediaBridge(_bed.Clock, callerLeg, agentLeg))
        {
            bridge.Supervise(supervisorLeg, Supervision.Whisper);
            await TalkAllAsync(callerPhone, agentPhone, supervisorPhone);
        }

        Assert.True(agentEars.ToneLevel(Supervisor) > Heard);
        Assert.True(agentEars.ToneLevel(Caller) > Heard);
        Assert.True(callerEars.ToneLevel(Supervisor) < Absent);
        Assert.True(callerEars.ToneLevel(Agent) > Heard);
        Assert.True(supervisorEars.ToneLevel(Caller) > Heard && supervisorEars.ToneLevel(Agent) > Heard);
    }

    private (RtpSession, RtpSession, RtpSession, RtpSession, RtpSession, RtpSession) ThreeParties()
    {
        var (callerPhone, callerLeg) = _bed.Call([AudioCodec.Pcmu]);
        var (agentLeg, agentPhone) = _bed.Call([AudioCodec.Pcma]);
        var (supervisorLeg, supervisorPhone) = _bed.Call([AudioCodec.Pcmu]);
        return (callerPhone, callerLeg, agentPhone, agentLeg, supervisorPhone, supervisorLeg);
    }

    private Task TalkAllAsync(RtpSession caller, RtpSession agent, RtpSession supervisor) => Task.WhenAll(
        _bed.Player.PlayAsync(caller, MediaTestBed.Tone(Caller, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct),
        _bed.Player.PlayAsync(agent, MediaTestBed.Tone(Agent, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct),
        _bed.Player.PlayAsync(supervisor, MediaTestBed.Tone(Supervisor, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct));

    private static short[] WithoutSilentTicks(short[] channel) =>
        channel.Chunk(MediaClock.SamplesPerFrame).Where(frame => frame.Any(sample => sample != 0)).SelectMany(frame => frame).ToArray();

    /// <summary>Peak normalised cross-correlation over lags up to 0.5 s: the recording is the sent signal, delayed.</summary>
    private static double Correlation(short[] recorded, short[] sent)
    {
        var best = 0.0;
        for (var lag = 0; lag < 4000 && lag + sent.Length / 2 < recorded.Length; lag++)
        {
            double dot = 0, a = 0, b = 0;
            for (var i = 0; i < sent.Length / 2; i++)
            {
                dot += (double)recorded[lag + i] * sent[i];
                a += (double)recorded[lag + i] * recorded[lag + i];
                b += (double)sent[i] * sent[i];
            }
            if (a > 0) best = Math.Max(best, dot / Math.Sqrt(a * b));
        }
        return best;
    }
}
