namespace RealEstateCrm.Telephony.Media;

/// <summary>When a voicemail recording stops: # pressed, this long silent, or this long in all.</summary>
public sealed record VoicemailOptions
{
    public TimeSpan MaxLength { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>RMS below which a frame counts as silence (line noise of a quiet phone is well under 200).</summary>
    public double SilenceLevel { get; init; } = 200;

    /// <summary>The digit that ends the message.</summary>
    public char StopDigit { get; init; } = '#';

    /// <summary>Stored as G.711 A-law (half the size of PCM16, the quality of the call itself).</summary>
    public WavEncoding Encoding { get; init; } = WavEncoding.ALaw;
}
