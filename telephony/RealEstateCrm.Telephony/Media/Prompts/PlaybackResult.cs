namespace RealEstateCrm.Telephony.Media;

/// <summary>How a playback ended: played to the end, or interrupted by a digit (barge-in), after <see cref="Played"/>.</summary>
public sealed record PlaybackResult(char? Digit, TimeSpan Played)
{
    public bool Completed => Digit is null;
}
