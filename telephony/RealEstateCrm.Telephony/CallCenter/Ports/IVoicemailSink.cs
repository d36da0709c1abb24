namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Keeps a voicemail the caller left. A complaint voicemail becomes a work order on the host's side.</summary>
public interface IVoicemailSink
{
    Task SaveAsync(VoicemailMessage message, CancellationToken ct = default);
}

/// <param name="IsComplaint">Left at a complaint node of the IVR: the host opens a complaint work order from it.</param>
public sealed record VoicemailMessage(string CallId, string Caller, DateTimeOffset RecordedAt, string File, TimeSpan Duration, bool IsComplaint);
