namespace RealEstateCrm.Telephony.Media;

/// <summary>How a supervisor joins a bridged call (监听 / 耳语).</summary>
public enum Supervision
{
    /// <summary>Hears caller and agent; says nothing to anyone.</summary>
    ListenIn,

    /// <summary>Hears both, and is heard by the agent only, never by the caller.</summary>
    Whisper,
}
