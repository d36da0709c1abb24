namespace RealEstateCrm.Telephony.Sip.Calls;

public enum CallEndReason
{
    /// <summary>We sent BYE.</summary>
    LocalHangup,
    /// <summary>The other side sent BYE.</summary>
    RemoteHangup,
    /// <summary>The caller sent CANCEL before the call was answered (incoming), or we cancelled (outgoing).</summary>
    Cancelled,
    /// <summary>Refused with a final non-2xx response, by us (incoming) or by the callee (outgoing).</summary>
    Rejected,
    /// <summary>No response, or no ACK for our 2xx, within 64·T1.</summary>
    TimedOut,
}

/// <summary>How a call leg ended; <see cref="StatusCode"/> is the final response when there was one.</summary>
public sealed record CallEnd(CallEndReason Reason, int? StatusCode = null, string? Detail = null);
