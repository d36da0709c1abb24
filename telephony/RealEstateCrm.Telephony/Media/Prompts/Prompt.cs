namespace RealEstateCrm.Telephony.Media;

/// <summary>A named piece of audio to play: 8 kHz mono linear samples.</summary>
public sealed record Prompt(string Name, short[] Samples)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / AudioCodec.ClockRate);

    /// <summary>The 1 kHz beep that says "speak now" before a voicemail recording.</summary>
    public static Prompt Beep { get; } = new("beep", AudioMath.Tone(1000, TimeSpan.FromMilliseconds(400)));

    public static Prompt Silence(TimeSpan duration) => new("silence", new short[(int)(duration.TotalSeconds * AudioCodec.ClockRate)]);
}
