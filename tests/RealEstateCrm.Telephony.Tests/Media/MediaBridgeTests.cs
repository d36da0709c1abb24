using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>A caller's phone on PCMU and an agent's phone on PCMA, each on its own leg to us, bridged; the phones
/// play tones (caller 440 Hz, agent 1000 Hz, supervisor 700 Hz) so each side's ears can be checked by frequency.</summary>
public sealed class MediaBridgeTests : MediaTest
{
    private const double Caller = 440, Agent = 1000, Supervisor = 700, Heard = 1500, Absent = 150;

    [Fact]
    public async Task Caller_and_agent_hear_each_other_across_codecs_and_the_recording_has_each_on_its_channel()
    {
        var (callerPhone, callerLeg) = Bed.Call([AudioCodec.Pcmu]);
        var (agentLeg, agentPhone) = Bed.Call([AudioCodec.Pcma]);
        var callerEars = Bed.Collect(callerPhone);
        var agentEars = Bed.Collect(agentPhone);
        var path = Path.Combine(Folder, "call.wav");
        using var recorder = new CallRecorder(path);

        using (new MediaBridge(Bed.Clock, callerLeg, agentLeg, recorder))
        {
            await Task.WhenAll(
                Bed.Player.PlayAsync(callerPhone, MediaTestBed.Tone(Caller, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct),
                Bed.Player.PlayAsync(agentPhone, MediaTestBed.Tone(Agent, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct));
            // Every one of the 50 frames each way crosses the bridge, each transcoded once.
            await Eventually.True(() => agentLeg.TranscodedFrames == 50 && callerLeg.TranscodedFrames == 50);
        }
        recorder.Complete();

        Assert.True(agentEars.ToneLevel(Caller) > Heard);
        Assert.True(agentEars.ToneLevel(Agent) < Absent);
        Assert.True(callerEars.ToneLevel(Agent) > Heard);
        Assert.True(callerEars.ToneLevel(Caller) < Absent);
        Assert.Equal(AudioCodec.Pcma, agentPhone.Codec);

        var wav = WavFile.Read(path);
        Assert.Equal((2, 8000, WavEncoding.Pcm16), (wav.Channels, wav.SampleRate, wav.Encoding));
        // Ticks in which no frame had arrived are written as silence (on a loaded machine there are a few);
        // without them each channel is what its side sent, delayed.
        var left = WithoutSilentTicks(wav.ChannelSamples(0));
        var right = WithoutSilentTicks(wav.ChannelSamples(1));
        Assert.True(AudioMath.ToneLevel(left, Caller) > Heard && AudioMath.ToneLevel(left, Agent) < Absent,
            $"left is the caller: {AudioMath.ToneLevel(left, Caller):F0} at {Caller} Hz, {AudioMath.ToneLevel(left, Agent):F0} at {Agent} Hz");
        Assert.True(AudioMath.ToneLevel(right, Agent) > Heard && AudioMath.ToneLevel(right, Caller) < Absent,
            $"right is the agent: {AudioMath.ToneLevel(right, Agent):F0} at {Agent} Hz, {AudioMath.ToneLevel(right, Caller):F0} at {Caller} Hz");
        var correlation = Correlation(left, AudioMath.Tone(Caller, TimeSpan.FromSeconds(1)));
        Assert.True(correlation > 0.95, $"the caller's channel is the signal sent (correlation {correlation:F3})");
    }

    [Fact]
    public async Task Same_codec_legs_relay_the_payload_untouched()
    {
        var (callerPhone, callerLeg) = Bed.Call([AudioCodec.Pcma]);
        var (agentLeg, agentPhone) = Bed.Call([AudioCodec.Pcma]);
        var agentEars = Bed.Collect(agentPhone);
        var tone = MediaTestBed.Tone(Caller, TimeSpan.FromMilliseconds(600));

        using (new MediaBridge(Bed.Clock, callerLeg, agentLeg))
        {
            await Bed.Player.PlayAsync(callerPhone, tone, bargeIn: false, cancellationToken: Ct);
            await Eventually.True(() => agentEars.Samples.Length >= tone.Samples.Length);
        }

        Assert.Equal(0, agentLeg.TranscodedFrames);
        Assert.Equal(AudioCodec.Pcma.Decode(AudioCodec.Pcma.Encode(tone.Samples)), agentEars.Samples);
    }

    [Fact]
    public async Task A_supervisor_listening_in_hears_both_sides_and_nobody_hears_the_supervisor()
    {
        var (callerEars, agentEars, supervisorEars) = await SupervisedCallAsync(Supervision.ListenIn);

        Assert.True(supervisorEars.ToneLevel(Caller) > Heard);
        Assert.True(supervisorEars.ToneLevel(Agent) > Heard);
        Assert.True(agentEars.ToneLevel(Supervisor) < Absent);
        Assert.True(callerEars.ToneLevel(Supervisor) < Absent);
    }

    [Fact]
    public async Task A_whispering_supervisor_is_heard_by_the_agent_only()
    {
        var (callerEars, agentEars, supervisorEars) = await SupervisedCallAsync(Supervision.Whisper);

        Assert.True(agentEars.ToneLevel(Supervisor) > Heard);
        Assert.True(agentEars.ToneLevel(Caller) > Heard);
        Assert.True(callerEars.ToneLevel(Supervisor) < Absent);
        Assert.True(callerEars.ToneLevel(Agent) > Heard);
        Assert.True(supervisorEars.ToneLevel(Caller) > Heard && supervisorEars.ToneLevel(Agent) > Heard);
    }

    /// <summary>A bridged call (caller PCMU, agent PCMA) with a supervisor (PCMU) joined in the mode; all three talk
    /// for a second; what each phone heard.</summary>
    private async Task<(MediaTestBed.Received Caller, MediaTestBed.Received Agent, MediaTestBed.Received Supervisor)> SupervisedCallAsync(Supervision mode)
    {
        var (callerPhone, callerLeg) = Bed.Call([AudioCodec.Pcmu]);
        var (agentLeg, agentPhone) = Bed.Call([AudioCodec.Pcma]);
        var (supervisorLeg, supervisorPhone) = Bed.Call([AudioCodec.Pcmu]);
        var ears = (Bed.Collect(callerPhone), Bed.Collect(agentPhone), Bed.Collect(supervisorPhone));
        using var bridge = new MediaBridge(Bed.Clock, callerLeg, agentLeg);
        bridge.Supervise(supervisorLeg, mode);
        await Task.WhenAll(
            Bed.Player.PlayAsync(callerPhone, MediaTestBed.Tone(Caller, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct),
            Bed.Player.PlayAsync(agentPhone, MediaTestBed.Tone(Agent, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct),
            Bed.Player.PlayAsync(supervisorPhone, MediaTestBed.Tone(Supervisor, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct));
        return ears;
    }

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
