using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class VoicemailTests : MediaTest
{
    private VoicemailRecorder Recorder => new(Bed.Clock, Bed.Player);

    [Fact]
    public async Task The_message_starts_after_the_tone_and_ends_on_the_pound_key()
    {
        var (ivr, caller) = Bed.Call();
        var heardByCaller = Bed.Collect(caller);
        var path = Path.Combine(Folder, "pound.wav");
        var recording = Recorder.RecordAsync(ivr, path, cancellationToken: Ct);

        // Spoken over the beep: must not be in the message.
        await Bed.Player.PlayAsync(caller, MediaTestBed.Tone(300, Prompt.Beep.Duration), bargeIn: false, cancellationToken: Ct);
        await Bed.Player.PlayAsync(caller, MediaTestBed.Tone(440, TimeSpan.FromSeconds(1)), bargeIn: false, cancellationToken: Ct);
        await caller.SendDigitAsync('#');
        var result = await recording;

        Assert.Equal(VoicemailEnd.StopDigit, result.End);
        Assert.InRange(result.Length.TotalSeconds, 0.9, 1.4);
        var message = WavFile.Read(path);
        Assert.Equal(WavEncoding.ALaw, message.Encoding);
        var samples = message.ToTelephonySamples(path);
        Assert.True(AudioMath.ToneLevel(samples, 440) > 2000, "the caller's 440 Hz is in the message");
        Assert.True(AudioMath.ToneLevel(samples, 300) < 200, "what was said over the beep is not");
        Assert.True(heardByCaller.ToneLevel(1000) > 1000, "the caller heard the 1 kHz beep");
    }

    [Fact]
    public async Task Silence_after_speaking_ends_the_message()
    {
        var (ivr, caller) = Bed.Call();
        var options = new VoicemailOptions { SilenceTimeout = TimeSpan.FromMilliseconds(600) };
        var recording = Recorder.RecordAsync(ivr, Path.Combine(Folder, "silence.wav"), options, Ct);
        await Task.Delay(Prompt.Beep.Duration, Ct);
        await Bed.Player.PlayAsync(caller, [MediaTestBed.Tone(440, TimeSpan.FromMilliseconds(400)), Prompt.Silence(TimeSpan.FromSeconds(3))], bargeIn: false, cancellationToken: Ct);
        var result = await recording;

        Assert.Equal(VoicemailEnd.Silence, result.End);
        Assert.InRange(result.Length.TotalSeconds, 0.8, 1.5);
    }

    [Fact]
    public async Task A_long_message_stops_at_the_maximum_length()
    {
        var (ivr, caller) = Bed.Call();
        var options = new VoicemailOptions { MaxLength = TimeSpan.FromMilliseconds(800), Encoding = WavEncoding.Pcm16 };
        var recording = Recorder.RecordAsync(ivr, Path.Combine(Folder, "long.wav"), options, Ct);
        var talking = Bed.Player.PlayAsync(caller, MediaTestBed.Tone(440, TimeSpan.FromSeconds(3)), bargeIn: false, cancellationToken: Ct);
        var result = await recording;
        await talking;

        Assert.Equal(VoicemailEnd.MaxLength, result.End);
        Assert.InRange(result.Length.TotalSeconds, 0.7, 1.0);
    }

    [Fact]
    public async Task Hanging_up_keeps_what_was_said()
    {
        var (ivr, caller) = Bed.Call();
        using var hangup = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var path = Path.Combine(Folder, "hangup.wav");
        var recording = Recorder.RecordAsync(ivr, path, cancellationToken: hangup.Token);
        await Task.Delay(Prompt.Beep.Duration, Ct);
        await Bed.Player.PlayAsync(caller, MediaTestBed.Tone(440, TimeSpan.FromMilliseconds(600)), bargeIn: false, cancellationToken: Ct);
        hangup.Cancel();
        var result = await recording;

        Assert.Equal(VoicemailEnd.Hangup, result.End);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".part"));
        Assert.InRange(result.Length.TotalSeconds, 0.4, 1.2);
    }
}
