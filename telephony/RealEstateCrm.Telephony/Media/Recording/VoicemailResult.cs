namespace RealEstateCrm.Telephony.Media;

public enum VoicemailEnd
{
    StopDigit,
    Silence,
    MaxLength,

    /// <summary>The call ended (the caller hung up): the usual end of a message, and it is kept.</summary>
    Hangup,
}

/// <summary>A recorded message: the finished WAV file, its length and why recording stopped.</summary>
public sealed record VoicemailResult(string Path, TimeSpan Length, VoicemailEnd End);
