namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Where call detail records go when a call ends. Legs of one call arrive in order, the caller's leg first,
/// so a leg's <see cref="CallDetail.ParentCallId"/> always names a record already written.</summary>
public interface ICdrSink
{
    Task WriteAsync(CallDetail detail, CancellationToken ct = default);
}
